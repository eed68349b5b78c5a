// What a person sees: open the sample from the Explorer, and check the squiggles, the Problems count
// in the status bar, a figure's hover and the Outline view; then take a screenshot.
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SECTIONS = ['信号一', '信号二', '信号三', '信号四', '信号五', '信号六'];
const FIGURE = '27.2万亿元';

/** What the page should show, from the core the language server runs (bundled by build-tests.mjs). */
function expectations() {
  const core = createRequire(import.meta.url)(path.join(root, 'out/e2e/core.js'));
  const raw = fs.readFileSync(path.join(root, 'test/fixtures/sample/sample.raw.article'), 'utf8');
  const analysis = core.analyze(raw, core.defaultSettings);
  const count = (severity) => analysis.problems.filter((p) => p.severity === severity).length;
  const figure = analysis.figures.find((f) => f.text === FIGURE);
  return {
    errors: count('error'),
    warnings: count('warning'),
    total: analysis.problems.length,
    figureLine: figure ? raw.slice(0, figure.ranges[0][0]).split('\n').length : undefined,
    figureStart: figure ? raw.slice(figure.ranges[0][0], figure.ranges[0][1]) : undefined,
    figureValue: figure?.value == null ? undefined : figure.value.toLocaleString('en-US'),
  };
}

export async function runUiChecks({ context, url, screenshot, log }) {
  const expected = expectations();
  const results = [];
  const check = (name, pass, detail) => {
    results.push(pass);
    console.log(`  ${pass ? '✔' : '✘'} ui: ${name}${detail ? ` — ${detail}` : ''}`);
  };
  const page = await context.newPage();
  page.on('pageerror', (error) => log('ui page error:', error.message));
  try {
    await page.goto(url);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'sample.article' }).first();
    await row.waitFor({ timeout: 30_000 });
    await row.click();
    await page.waitForSelector('.monaco-editor .view-lines', { timeout: 30_000 });
    // A clean window for the screenshot: only the sample's editor, no side panel.
    await runCommand(page, 'View: Close Other Editors in Group').catch(() => undefined);
    await runCommand(page, 'View: Hide Secondary Side Bar').catch(() => undefined);

    // 1. Squiggles under the problems.
    const squiggles = page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error');
    const squiggled = await squiggles.first().waitFor({ timeout: 30_000 }).then(() => true, () => false);
    check('squiggles are drawn in the editor', squiggled, squiggled ? `${await squiggles.count()} visible` : 'none after 30 s');

    // 2. The Problems count in the status bar (errors and warnings; hints are not counted there).
    const problems = page.locator('#status\\.problems');
    const wantProblems = `${expected.errors} ${expected.warnings}`;
    const problemsText = await waitForText(problems, (t) => numbers(t).slice(0, 2).join(' ') === wantProblems);
    check('status bar Problems count', numbers(problemsText).slice(0, 2).join(' ') === wantProblems, `shows “${problemsText.replace(/\s+/g, ' ')}”, want errors/warnings ${wantProblems}`);
    const ours = page.locator('.statusbar-item', { hasText: 'Article:' }).first();
    const oursText = await waitForText(ours, (t) => numbers(t)[0] === expected.total);
    check('status bar Article item counts every article diagnostic', numbers(oursText)[0] === expected.total, `shows “${oursText}”, want ${expected.total}`);

    // 3. The Outline view lists 信号一 … 信号六.
    await runCommand(page, 'Explorer: Focus on Outline View');
    // Give the Outline the side bar's height (its list only renders the rows it has room for).
    await page.locator('.pane-header', { hasText: 'workspace' }).first().click().catch(() => undefined);
    await page.locator('.pane-header', { hasText: 'timeline' }).first().evaluate((e) => e.getAttribute('aria-expanded') === 'true' && e.click()).catch(() => undefined);
    const outline = page.locator('.outline-pane .monaco-list-row, [id="outline"] .monaco-list-row');
    await outline.first().waitFor({ timeout: 20_000 }).catch(() => undefined);
    const outlineText = (await outline.allInnerTexts().catch(() => [])).join(' | ');
    const missing = SECTIONS.filter((s) => !outlineText.includes(s));
    check('Outline view lists 信号一…信号六', missing.length === 0, missing.length ? `missing ${missing.join(' ')} in: ${outlineText.slice(0, 300)}` : undefined);

    // 4. Hovering the figure shows its value.
    await page.locator('.monaco-editor .view-lines').first().click();
    await runCommand(page, 'Go to Line/Column', `${expected.figureLine}`);
    const token = page.locator('.monaco-editor .view-lines .view-line span', { hasText: expected.figureStart ?? '27.2' }).first();
    let hoverText = '';
    if (await token.waitFor({ timeout: 10_000 }).then(() => true, () => false)) {
      for (let i = 0; i < 5 && !hoverText.includes(FIGURE); i++) {
        const box = await token.boundingBox();
        const text = await token.innerText();
        const at = text.indexOf(expected.figureStart ?? '27.2');
        const x = box.x + (box.width * (at + 1)) / Math.max(text.length, 1);
        await page.mouse.move(x - 20, box.y - 30);
        await page.mouse.move(x, box.y + box.height / 2, { steps: 3 });
        const hover = page.locator('.monaco-hover-content').first();
        if (await hover.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false)) hoverText = await hover.innerText();
      }
    }
    const hoverOk = hoverText.includes(FIGURE) && (!expected.figureValue || hoverText.includes(expected.figureValue));
    check(`hover on ${FIGURE} shows its value`, hoverOk, `hover: “${hoverText.replace(/\s+/g, ' ').slice(0, 200)}”, want ${expected.figureValue}`);

    fs.mkdirSync(path.dirname(screenshot), { recursive: true });
    await page.screenshot({ path: screenshot });
  } catch (error) {
    check('the UI check ran to the end', false, error instanceof Error ? error.message.split('\n')[0] : String(error));
    await page.screenshot({ path: screenshot }).catch(() => undefined);
  } finally {
    await page.close().catch(() => undefined);
  }
  return { passed: results.filter(Boolean).length, failed: results.filter((r) => !r).length };
}

function numbers(text) {
  return (text.match(/\d+/g) ?? []).map(Number);
}

/** Reads a locator's text until `accept` takes it (the UI updates asynchronously) or 15 s pass. */
async function waitForText(locator, accept) {
  let text = '';
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    text = await locator.innerText({ timeout: 2_000 }).catch(() => '');
    if (accept(text)) return text;
    await new Promise((r) => setTimeout(r, 200));
  }
  return text;
}

/** Runs a command through the Command Palette, optionally typing an argument into the quick input. */
async function runCommand(page, title, argument) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10_000 });
  if (argument !== undefined && title === 'Go to Line/Column') {
    await input.fill(`:${argument}`);
  } else {
    await input.fill(`>${title}`);
    const found = await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 }).then(() => true, () => false);
    if (!found) {
      await page.keyboard.press('Escape');
      throw new Error(`no command “${title}” in the Command Palette`);
    }
  }
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
}
