// The other linters the bench measures (AutoCorrect, zhlint) are not dependencies of article-lint: they
// are pinned in scripts/bench/tools/package-lock.json and installed there on the bench's first run.
// `npm install` with that lockfile, not `npm ci`: autocorrect-node lists platform packages that were
// never published, so no lockfile can hold all of them and `npm ci` refuses any lockfile it can make.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const TOOLS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'tools');
const MODULES = path.join(TOOLS_DIR, 'node_modules');

/** The folder a bench tool is installed in (its package root). */
export function toolPath(name) {
  return path.join(MODULES, name);
}

/** Installs the pinned tools unless every one of them is already there. */
export function ensureBenchTools(progress = (message) => process.stderr.write(`bench: ${message}\n`)) {
  const { dependencies } = JSON.parse(fs.readFileSync(path.join(TOOLS_DIR, 'package.json'), 'utf8'));
  const installed = (name) => {
    try {
      return JSON.parse(fs.readFileSync(path.join(toolPath(name), 'package.json'), 'utf8')).version === dependencies[name];
    } catch {
      return false;
    }
  };
  if (Object.keys(dependencies).every(installed)) return;
  progress(`installing ${Object.keys(dependencies).join(', ')} into ${path.relative(process.cwd(), TOOLS_DIR) || '.'} (once)`);
  execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: TOOLS_DIR,
    stdio: ['ignore', 'inherit', 'inherit'],
    shell: process.platform === 'win32',
  });
}
