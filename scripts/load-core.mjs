// Bundles the real core (server/src/core/index.ts) with esbuild into a temporary file and imports it,
// so scripts measure exactly the code the extension and CLI ship.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Loads the core through its one door, server/src/core/index.ts (scripts reach nothing else of it). */
export async function loadCore() {
  const entry = 'server/src/core/index.ts';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lint-core-'));
  const outfile = path.join(dir, 'core.cjs');
  try {
    await esbuild.build({
      entryPoints: [path.join(ROOT, entry)],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile,
      logLevel: 'warning',
    });
    return createRequire(import.meta.url)(outfile);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
