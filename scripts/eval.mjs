#!/usr/bin/env node
// Accuracy of the line-break repair on a corpus folder.
//
//   npm run eval -- DIR [--out OUT] [--spacing forbid|ignore|require] [scorer options: --per-file --only RE --json FILE]
//
// Runs fix-all of the real core over every DIR/<id>.extracted.txt (news style: no space between Chinese
// and Latin letters or digits, as in the corpus truth), writes OUT/<id>.fixed.txt (default
// eval-out/<basename of DIR>), then runs the corpus scorer (scripts/corpus-score.mjs) on the result.

import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadCore } from './load-core.mjs';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const options = { dir: undefined, out: undefined, spacing: 'forbid', scorerArgs: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--out') options.out = argv[++i];
    else if (arg === '--spacing') options.spacing = argv[++i];
    else if (arg === '--per-file') options.scorerArgs.push(arg);
    else if (arg === '--only' || arg === '--json') options.scorerArgs.push(arg, argv[++i]);
    else if (!options.dir && !arg.startsWith('--')) options.dir = arg;
    else throw new Error(`unknown argument ${arg}`);
  }
  if (!options.dir) throw new Error('usage: npm run eval -- DIR [--out OUT] [--spacing forbid] [--per-file] [--only RE]');
  options.out ??= path.join(ROOT, 'eval-out', path.basename(path.resolve(options.dir)));
  return options;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const core = await loadCore();
  const settings = core.mergeSettings({ cjkLatinSpacing: options.spacing });
  fs.mkdirSync(options.out, { recursive: true });
  const ids = fs
    .readdirSync(options.dir)
    .filter((name) => name.endsWith('.extracted.txt'))
    .map((name) => name.slice(0, -'.extracted.txt'.length))
    .sort();
  const started = performance.now();
  for (const id of ids) {
    const extracted = fs.readFileSync(path.join(options.dir, `${id}.extracted.txt`), 'utf8');
    fs.writeFileSync(path.join(options.out, `${id}.fixed.txt`), core.fixAll(extracted, settings));
  }
  const elapsed = performance.now() - started;
  console.log(`fixed ${ids.length} files in ${elapsed.toFixed(0)} ms -> ${path.relative(process.cwd(), options.out) || '.'}`);
  const scorer = path.join(ROOT, 'scripts', 'corpus-score.mjs');
  const result = spawnSync(process.execPath, [scorer, '--truth', options.dir, '--fixed', options.out, ...options.scorerArgs], {
    stdio: 'inherit',
  });
  process.exit(result.status ?? 1);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
