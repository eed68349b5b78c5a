// npm run test:e2e — the end-to-end suite in a real VS Code (code-server) driven by headless Chromium.
//   1. set up .e2e/ when missing (scripts/e2e/setup.sh), build the extension and the suite;
//   2. start code-server on a free loopback port, isolated in a temp folder;
//   3. open the workbench with a payload that runs out/e2e/index.js in the extension host, and
//      collect its exit code through `codeAutomationExit`;
//   4. in the same Chromium, open the sample like a person would and check what the UI shows;
//   5. print `N passed, N failed`, stop code-server's process group, exit non-zero on any failure.
// Then it runs the tests about language again with VS Code's display language set to zh-cn.
// Options: --no-ui (no UI check), --no-zh (no zh-cn pass), --update-screenshot (copy it to docs/images/).
// Env: E2E_HOME (default .e2e), E2E_PORT, E2E_TIMEOUT_S (whole run, default 420).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { makeRunDir, startCodeServer } from './codeserver.mjs';
import { runUiChecks } from './ui-check.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const e2eHome = path.resolve(process.env.E2E_HOME ?? path.join(root, '.e2e'));
const args = new Set(process.argv.slice(2));
const t0 = Date.now();
const log = (...parts) => console.log(`[e2e ${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...parts);
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SUITE_TIMEOUT_MS = 240_000;
const MARKER = '[article-e2e] '; // as in test/e2e/index.ts

function step(title, command, commandArgs) {
  log(title);
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${title} failed (exit ${result.status})`);
}

function prepare() {
  const ready = ['node24/node_modules/node/bin/node', 'cs/node_modules/.bin/code-server'].every((p) => fs.existsSync(path.join(e2eHome, p)));
  if (!ready || !fs.existsSync('/usr/bin/chromium')) step('setting up code-server (scripts/e2e/setup.sh)', 'bash', [path.join(root, 'scripts/e2e/setup.sh')]);
  step('building the extension (node esbuild.mjs)', process.execPath, [path.join(root, 'esbuild.mjs')]);
  step('building the suite (scripts/e2e/build-tests.mjs)', process.execPath, [path.join(root, 'scripts/e2e/build-tests.mjs')]);
}

/** A workspace of its own: the sample as a person would have it, so nothing in the repository is touched. */
function makeWorkspace(runDir) {
  const ws = path.join(runDir, 'workspace');
  fs.mkdirSync(ws, { recursive: true });
  fs.copyFileSync(path.join(root, 'test/fixtures/sample/sample.raw.article'), path.join(ws, 'sample.article'));
  return ws;
}

/**
 * VS Code serves `--locale zh-cn` only when its user data lists a language pack for zh-cn. Register
 * the test-only stub (test/e2e/zh-cn-pack, which translates nothing of VS Code itself) the way
 * VS Code's language pack service records installed packs, so the extension sees zh-cn as the
 * display language.
 */
function registerLanguageStub(runDir, locale) {
  const pack = path.join(root, 'test/e2e/zh-cn-pack');
  const manifest = JSON.parse(fs.readFileSync(path.join(pack, 'package.json'), 'utf8'));
  const id = `${manifest.publisher}.${manifest.name}`;
  const [localization] = manifest.contributes.localizations;
  const entry = {
    hash: createHash('md5').update(id).update(manifest.version).digest('hex'),
    extensions: [{ extensionIdentifier: { id }, version: manifest.version }],
    translations: Object.fromEntries(localization.translations.map((t) => [t.id, path.join(pack, t.path)])),
    label: localization.localizedLanguageName,
  };
  fs.mkdirSync(path.join(runDir, 'ud'), { recursive: true });
  fs.writeFileSync(path.join(runDir, 'ud', 'languagepacks.json'), JSON.stringify({ [locale]: entry }));
}

function workbenchUrl(server, folder, payload) {
  const remote = (p) => `vscode-remote://${server.host}${p}`;
  const entries = Object.entries(payload).map(([k, v]) => [k, k.endsWith('Path') ? remote(v) : v]);
  return `${server.origin}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(entries))}`;
}

async function runSuite(context, server, ws) {
  const page = await context.newPage();
  let finish;
  const exited = new Promise((resolve) => (finish = resolve));
  await page.exposeFunction('codeAutomationExit', (code) => finish(code));
  let summary;
  page.on('console', (message) => {
    // Only the suite's own lines (test/e2e/index.ts marks them), not the workbench's chatter.
    for (const line of message.text().split('\n')) {
      const at = line.indexOf(MARKER);
      if (at < 0) continue;
      const text = line.slice(at + MARKER.length);
      const counts = text.match(/^(\d+) passed, (\d+) failed$/);
      if (counts) summary = { passed: Number(counts[1]), failed: Number(counts[2]) };
      else console.log(`  ${text}`);
    }
  });
  page.on('pageerror', (error) => log('page error:', error.message));
  await page.goto(workbenchUrl(server, ws, {
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'out/e2e/index.js'),
    skipWelcome: 'true',
  }));
  let timer;
  const code = await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), SUITE_TIMEOUT_MS)))]);
  clearTimeout(timer);
  await page.close().catch(() => undefined);
  log(`suite exit code: ${code}`);
  if (!summary) summary = { passed: 0, failed: 1 };
  if (code !== 0 && summary.failed === 0) summary.failed = 1; // the host died or timed out before mocha reported
  return summary;
}

/** The code-servers started and not yet stopped, for the overall timeout to stop. */
const running = new Set();

/** One code-server, one Chromium: the suite (optionally only tests matching `grep`), then the UI check. */
async function session({ label, locale, grep, ui }) {
  const env = { ...(grep ? { E2E_GREP: grep } : {}), ...(locale ? { E2E_LANGUAGE: locale } : {}) };
  const runDir = makeRunDir();
  const ws = makeWorkspace(runDir);
  if (locale) registerLanguageStub(runDir, locale);
  const server = await startCodeServer({ e2eHome, runDir, log, locale, env });
  running.add(server);
  const results = [];
  let context;
  try {
    context = await chromium.launchPersistentContext(path.join(runDir, 'chromium'), {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1400, height: 900 },
    });
    await context.pages()[0]?.close();
    const suite = await runSuite(context, server, ws);
    log(`${label} suite: ${suite.passed} passed, ${suite.failed} failed`);
    results.push(suite);
    if (ui) {
      const shot = path.join(root, 'out/e2e/screenshot.png');
      const checks = await runUiChecks({ context, url: workbenchUrl(server, ws, { extensionDevelopmentPath: root, skipWelcome: 'true' }), screenshot: shot, log });
      log(`${label} ui: ${checks.passed} passed, ${checks.failed} failed; screenshot ${path.relative(root, shot)}`);
      results.push(checks);
      if (args.has('--update-screenshot')) {
        fs.mkdirSync(path.join(root, 'docs/images'), { recursive: true });
        fs.copyFileSync(shot, path.join(root, 'docs/images/screenshot.png'));
      }
    }
  } finally {
    await context?.close().catch(() => undefined);
    await server.stop();
    running.delete(server);
  }
  const failed = results.reduce((n, r) => n + r.failed, 0);
  if (failed === 0) fs.rmSync(runDir, { recursive: true, force: true });
  else log(`kept ${runDir} (code-server.log) for a look`);
  return results;
}

async function main() {
  prepare();
  const overall = setTimeout(async () => {
    log(`timed out after ${process.env.E2E_TIMEOUT_S ?? 420} s`);
    await Promise.all([...running].map((server) => server.stop()));
    console.log('0 passed, 1 failed');
    process.exit(1);
  }, Number(process.env.E2E_TIMEOUT_S ?? 420) * 1000);
  const results = [];
  // English: the whole suite (or E2E_GREP) and the UI check.
  results.push(...(await session({ label: 'en', grep: process.env.E2E_GREP, ui: !args.has('--no-ui') })));
  // Simplified Chinese display language: the tests about what the extension says.
  if (!args.has('--no-zh') && !process.env.E2E_GREP) {
    results.push(...(await session({ label: 'zh-cn', locale: 'zh-cn', grep: 'display language|localises', ui: false })));
  }
  clearTimeout(overall);
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  log(`done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
}

main().catch(async (error) => {
  await Promise.all([...running].map((server) => server.stop()));
  console.error('e2e:', error instanceof Error ? error.message : error);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
