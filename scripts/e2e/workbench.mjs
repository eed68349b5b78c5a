// What both e2e runners (run-codeserver.mjs: the Node extension host; run-web.mjs: the web worker one) do
// the same way: build steps, the Chromium flags, the workbench URL with its payload, and running a mocha
// suite inside the extension host with its exit code coming back through `codeAutomationExit`.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Debian's Chromium (or $CHROMIUM), headless, with its profile in `runDir`, and no page open: each runner opens the
 * pages it drives.
 */
export async function launchChromium(runDir) {
  const context = await chromium.launchPersistentContext(path.join(runDir, 'chromium'), {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
  });
  await context.pages()[0]?.close();
  return context;
}

/** How the suites mark their own console lines (test/e2e/index.ts, test/e2e/web/report.ts), apart from the workbench's chatter. */
const MARKER = '[article-e2e] ';

/** A timestamped logger for a runner (`[e2e 12.3s] …`); `log.seconds()` is the time since it was made. */
export function runLog(name) {
  const t0 = Date.now();
  const seconds = () => (Date.now() - t0) / 1000;
  const log = (...parts) => console.log(`[${name} ${seconds().toFixed(1)}s]`, ...parts);
  log.seconds = seconds;
  return log;
}

/** Runs one build step in the repository, failing the run if it fails. */
export function step(log, title, command, commandArgs) {
  log(title);
  const result = spawnSync(command, commandArgs, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${title} failed (exit ${result.status})`);
}

/** The workbench on `folder`, with a payload (its `…Path` entries are paths on the code-server's machine). */
export function workbenchUrl(server, folder, payload) {
  const remote = (p) => `vscode-remote://${server.host}${p}`;
  const entries = Object.entries(payload).map(([k, v]) => [k, k.endsWith('Path') ? remote(v) : v]);
  return `${server.origin}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(entries))}`;
}

/**
 * Runs the suite at `testsPath` in the extension host of a new page on `folder`: its lines are printed,
 * its `N passed, N failed` line read; a host that dies or times out before mocha reports counts as failed.
 */
export async function runSuite({ context, server, folder, testsPath, timeoutMs, log }) {
  const page = await context.newPage();
  let finish;
  const exited = new Promise((resolve) => (finish = resolve));
  await page.exposeFunction('codeAutomationExit', (code) => finish(code));
  let summary;
  page.on('console', (message) => {
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
  await page.goto(workbenchUrl(server, folder, { extensionDevelopmentPath: ROOT, extensionTestsPath: testsPath, skipWelcome: 'true' }));
  let timer;
  const code = await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)))]);
  clearTimeout(timer);
  await page.close().catch(() => undefined);
  log(`suite exit code: ${code}`);
  if (!summary) summary = { passed: 0, failed: 1 };
  if (code !== 0 && summary.failed === 0) summary.failed = 1;
  return summary;
}
