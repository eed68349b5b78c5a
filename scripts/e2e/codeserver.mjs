// Starts code-server isolated on a loopback port, in its own process group, and stops it again.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

const USER_SETTINGS = {
  'chat.disableAIFeatures': true,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'git.enabled': false,
  'security.workspace.trust.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.editor.empty.hint': 'hidden',
};

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Starts code-server; resolves once /healthz answers. `stop()` kills the whole process group. */
export async function startCodeServer({ e2eHome, runDir, log, locale, env = {}, settings = {} }) {
  const port = Number(process.env.E2E_PORT) || (await freePort());
  const dirs = Object.fromEntries(['ud', 'ext', 'xdgc', 'xdgd'].map((d) => [d, path.join(runDir, d)]));
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
  fs.mkdirSync(path.join(dirs.ud, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.ud, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2));
  const config = path.join(runDir, 'config.yaml');
  fs.writeFileSync(config, 'auth: none\ncert: false\n');
  const nodeBin = path.join(e2eHome, 'node24', 'node_modules', 'node', 'bin');
  const codeServer = path.join(e2eHome, 'cs', 'node_modules', '.bin', 'code-server');
  const logFile = path.join(runDir, 'code-server.log');
  const out = fs.openSync(logFile, 'a');
  // VS Code's IPC sockets (vscode-ipc-*.sock, vscode-git-*.sock) and temporary files go to TMPDIR or
  // XDG_RUNTIME_DIR: inside the run folder they go when it is removed, even after a SIGKILL.
  const tmp = path.join(runDir, 'tmp');
  fs.mkdirSync(tmp, { recursive: true, mode: 0o700 });
  const childEnv = { ...process.env, ...env, PATH: `${nodeBin}${path.delimiter}${process.env.PATH}`, XDG_CONFIG_HOME: dirs.xdgc, XDG_DATA_HOME: dirs.xdgd, XDG_RUNTIME_DIR: tmp, TMPDIR: tmp, HOME: runDir };
  const isolation = ['--config', config, '--user-data-dir', dirs.ud, '--extensions-dir', dirs.ext];
  const child = spawn(
    codeServer,
    [
      ...isolation, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
      '--reconnection-grace-time', '5',
      // Without the smoke-test driver the workbench ignores the payload that starts the extension tests.
      '--vscode-option', 'enable-smoke-test-driver',
      ...(locale ? ['--locale', locale] : []),
    ],
    {
      // A process group of its own (like setsid), so stop() reaches the extension hosts and servers too.
      detached: true,
      stdio: ['ignore', out, out],
      env: childEnv,
    },
  );
  let exited = false;
  child.on('exit', () => (exited = true));
  const stop = async () => {
    if (exited) return;
    try { process.kill(-child.pid, 'SIGTERM'); } catch { return; }
    for (let i = 0; i < 30 && !exited; i++) await new Promise((r) => setTimeout(r, 100));
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
  };
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited early; see ${logFile}:\n${fs.readFileSync(logFile, 'utf8').slice(-2000)}`);
    try {
      if ((await fetch(`${origin}/healthz`)).ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) { await stop(); throw new Error(`code-server did not answer /healthz within 60 s; see ${logFile}`); }
    await new Promise((r) => setTimeout(r, 250));
  }
  log(`code-server up on ${origin} (pid ${child.pid})`);
  return { origin, host: `127.0.0.1:${port}`, pid: child.pid, stop, logFile };
}

export function makeRunDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'article-lint-e2e-'));
}
