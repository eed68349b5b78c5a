// npm run test:e2e:web — the extension's browser build in VS Code's web worker extension host, in
// headless Chromium (code-server's workbench, set up by scripts/e2e/setup.sh like `npm run test:e2e`).
//   1. build the extension and the browser suite (out/e2e/web/index.js);
//   2. start code-server with `remote.extensionKind` set to ["web"] for this extension, so the workbench
//      runs dist/web/extension.js in its web worker extension host (not dist/extension.js on the server);
//   3. open the workbench with a payload that runs the browser suite in that host (test/e2e/web/);
//   4. in the same Chromium, open the sample like a person would: squiggles, Problems count, Outline, hover;
//   5. print `N passed, N failed`, stop code-server's process group, exit non-zero on any failure.
// Flags: --production tests the minified bundles `npm run package` ships (dist/ is built for development
// again afterwards, pass or fail); --no-ui skips step 4.
// Env: E2E_HOME (default .e2e), E2E_PORT, E2E_TIMEOUT_S (whole run, default 300).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeRunDir, startCodeServer } from './codeserver.mjs';
import { runUiChecks } from './ui-check.mjs';
import { ROOT as root, launchChromium, runLog, runSuite, step, workbenchUrl } from './workbench.mjs';

const e2eHome = path.resolve(process.env.E2E_HOME ?? path.join(root, '.e2e'));
const log = runLog('e2e:web');
const SUITE_TIMEOUT_MS = 180_000;
const EXTENSION_ID = 'article-lint.article-lint';
const PRODUCTION = process.argv.includes('--production');

function prepare() {
  const ready = ['node24/node_modules/node/bin/node', 'cs/node_modules/.bin/code-server'].every((p) => fs.existsSync(path.join(e2eHome, p)));
  if (!ready || !fs.existsSync('/usr/bin/chromium')) step(log, 'setting up code-server (scripts/e2e/setup.sh)', 'bash', [path.join(root, 'scripts/e2e/setup.sh')]);
  if (PRODUCTION) step(log, 'building the extension as it ships (node esbuild.mjs --production)', process.execPath, [path.join(root, 'esbuild.mjs'), '--production']);
  else step(log, 'building the extension (node esbuild.mjs)', process.execPath, [path.join(root, 'esbuild.mjs')]);
  step(log, 'building the suites (scripts/e2e/build-tests.mjs)', process.execPath, [path.join(root, 'scripts/e2e/build-tests.mjs')]);
}

/** After a --production run: F5 and the tests run dist/ as left, which must be the development build (as after `npm run package`). */
function restoreDevelopmentBuild() {
  if (!PRODUCTION) return;
  try {
    step(log, 'building the extension for development again (node esbuild.mjs)', process.execPath, [path.join(root, 'esbuild.mjs')]);
  } catch (error) {
    console.error('e2e:web:', error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}

/** Ends the run: the summary line, dist/ as development needs it, and the exit code. */
function finish(passed, failed) {
  restoreDevelopmentBuild();
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && passed > 0 && !process.exitCode ? 0 : 1);
}

/**
 * The workspace: the sample, and a folder with its own `.article-lint.json` (read by the client through
 * vscode.workspace.fs, since the server in a web worker has no disk).
 */
function makeWorkspace(runDir, name, { desk }) {
  const ws = path.join(runDir, name, 'workspace');
  fs.mkdirSync(ws, { recursive: true });
  const sample = path.join(root, 'test/fixtures/sample/sample.raw.article');
  fs.copyFileSync(sample, path.join(ws, 'sample.article'));
  if (!desk) return ws;
  fs.mkdirSync(path.join(ws, 'desk'));
  fs.copyFileSync(sample, path.join(ws, 'desk', 'story.article'));
  fs.writeFileSync(path.join(ws, 'desk', '.article-lint.json'), JSON.stringify({ rules: { 'space-around-punctuation': 'off' } }, null, 2));
  return ws;
}

let server;

async function main() {
  prepare();
  const overall = setTimeout(async () => {
    log(`timed out after ${process.env.E2E_TIMEOUT_S ?? 300} s`);
    await server?.stop();
    finish(0, 1);
  }, Number(process.env.E2E_TIMEOUT_S ?? 300) * 1000);
  const runDir = makeRunDir();
  const ws = makeWorkspace(runDir, 'workspace', { desk: true });
  // The UI check gets a folder of its own: the workbench would otherwise restore the suite's editors.
  const uiWs = makeWorkspace(runDir, 'ui', { desk: false });
  // The user's way to pick where an extension runs: ["web"] puts it in the web worker extension host.
  server = await startCodeServer({ e2eHome, runDir, log, settings: { 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } } });
  const results = [];
  let context;
  try {
    context = await launchChromium(runDir);
    const suite = await runSuite({ context, server, folder: ws, testsPath: path.join(root, 'out/e2e/web/index.js'), timeoutMs: SUITE_TIMEOUT_MS, log });
    log(`browser suite: ${suite.passed} passed, ${suite.failed} failed`);
    results.push(suite);
    if (!process.argv.includes('--no-ui')) {
      const shot = path.join(root, 'out/e2e/screenshot-web.png');
      const checks = await runUiChecks({ context, url: workbenchUrl(server, uiWs, { extensionDevelopmentPath: root, skipWelcome: 'true' }), screenshot: shot, log });
      log(`ui: ${checks.passed} passed, ${checks.failed} failed; screenshot ${path.relative(root, shot)}`);
      results.push(checks);
    }
  } finally {
    await context?.close().catch(() => undefined);
    await server.stop();
  }
  clearTimeout(overall);
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  if (failed === 0) fs.rmSync(runDir, { recursive: true, force: true });
  else log(`kept ${runDir} (code-server.log) for a look`);
  log(`done in ${log.seconds().toFixed(0)} s${PRODUCTION ? ' (production bundles)' : ''}`);
  finish(passed, failed);
}

main().catch(async (error) => {
  await server?.stop();
  console.error('e2e:web:', error instanceof Error ? error.message : error);
  finish(0, 1);
});
