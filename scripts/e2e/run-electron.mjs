// npm run test:e2e:electron — the same suite (out/e2e/index.js) in a downloaded VS Code via
// @vscode/test-electron, for machines that can reach update.code.visualstudio.com. (These build
// machines cannot; use npm run test:e2e there.) Env: VSCODE_VERSION (default 'stable').
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
for (const script of ['esbuild.mjs', 'scripts/e2e/build-tests.mjs']) {
  const result = spawnSync(process.execPath, [path.join(root, script)], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lint-electron-'));
const workspace = path.join(runDir, 'workspace');
fs.mkdirSync(workspace);
fs.copyFileSync(path.join(root, 'test/fixtures/sample/sample.raw.article'), path.join(workspace, 'sample.article'));

try {
  await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'out/e2e/index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', path.join(runDir, 'ud'), '--skip-welcome'],
  });
  fs.rmSync(runDir, { recursive: true, force: true });
} catch (error) {
  console.error('test-electron:', error instanceof Error ? error.message : error);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
