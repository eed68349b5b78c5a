#!/usr/bin/env node
// npm run package: the .vsix, built from minified bundles; afterwards dist/ holds the development
// build again (readable code, fresh source maps), so that F5 and the tests never run the minified one.

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

function step(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  return result.status ?? 1;
}

const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
let status = step(process.execPath, ['esbuild.mjs', '--production']);
if (status === 0) status = step(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links']);
const rebuilt = step(process.execPath, ['esbuild.mjs']);
process.exitCode = status || rebuilt;
