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
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeRunDir, startCodeServer } from './codeserver.mjs';
import { runUiChecks } from './ui-check.mjs';
import { ROOT as root, launchChromium, runLog, runSuite, step, workbenchUrl } from './workbench.mjs';

const e2eHome = path.resolve(process.env.E2E_HOME ?? path.join(root, '.e2e'));
const args = new Set(process.argv.slice(2));
const log = runLog('e2e');
const SUITE_TIMEOUT_MS = 240_000;

function prepare() {
  const ready = ['node24/node_modules/node/bin/node', 'cs/node_modules/.bin/code-server'].every((p) => fs.existsSync(path.join(e2eHome, p)));
  if (!ready || !fs.existsSync('/usr/bin/chromium')) step(log, 'setting up code-server (scripts/e2e/setup.sh)', 'bash', [path.join(root, 'scripts/e2e/setup.sh')]);
  step(log, 'building the extension (node esbuild.mjs)', process.execPath, [path.join(root, 'esbuild.mjs')]);
  step(log, 'building the suite (scripts/e2e/build-tests.mjs)', process.execPath, [path.join(root, 'scripts/e2e/build-tests.mjs')]);
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
    context = await launchChromium(runDir);
    const suite = await runSuite({ context, server, folder: ws, testsPath: path.join(root, 'out/e2e/index.js'), timeoutMs: SUITE_TIMEOUT_MS, log });
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
  log(`done in ${log.seconds().toFixed(0)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
}

main().catch(async (error) => {
  await Promise.all([...running].map((server) => server.stop()));
  console.error('e2e:', error instanceof Error ? error.message : error);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
