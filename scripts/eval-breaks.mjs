#!/usr/bin/env node
// Error analysis for the layout engine: every line break of the model with its gold label from the
// corpus truth, printed where the engine's decision disagrees (or all with --all).
//
//   node scripts/eval-breaks.mjs DIR [--only REGEX] [--all] [--spacing forbid]
//
// Gold comes from the scorer's alignment: a break is JOIN when the characters either side of it are
// neighbours in one truth block. The model's decision is JOIN for a 'wrap', KEEP otherwise.

import fs from 'node:fs';
import path from 'node:path';
import { loadCore } from './load-core.mjs';
import { goldJoins } from './gold-breaks.mjs';

const args = process.argv.slice(2);
const dir = args.find((arg) => !arg.startsWith('--') && args[args.indexOf(arg) - 1] !== '--only');
const only = args.includes('--only') ? new RegExp(args[args.indexOf('--only') + 1]) : undefined;
const showAll = args.includes('--all');

const core = await loadCore();
const settings = core.mergeSettings({ cjkLatinSpacing: 'forbid' });
const ids = fs.readdirSync(dir).filter((f) => f.endsWith('.truth.txt')).map((f) => f.slice(0, -10)).filter((id) => !only || only.test(id)).sort();
const confusion = {};
for (const id of ids) {
  const extracted = fs.readFileSync(path.join(dir, `${id}.extracted.txt`), 'utf8');
  const truth = fs.readFileSync(path.join(dir, `${id}.truth.txt`), 'utf8');
  const goldAt = goldJoins(extracted, truth);
  const m = core.analyze(extracted, settings).model;
  for (const lineBreak of m.breaks) {
    const before = m.fragments[lineBreak.index];
    const after = m.fragments[lineBreak.index + 1];
    const gold = goldAt(after.start);
    if (gold === undefined) continue;
    const pred = lineBreak.kind === 'wrap';
    const key = `${gold ? 'J' : 'K'}${pred ? 'J' : 'K'}`;
    confusion[key] = (confusion[key] ?? 0) + 1;
    if (gold !== pred || showAll) {
      const roles = `${m.roles[before.index]}>${m.roles[after.index]}`;
      console.log(`${gold === pred ? '  ' : gold ? 'FN' : 'FP'} ${id}#${lineBreak.index} ${lineBreak.kind}/${lineBreak.reason} ${roles} b${lineBreak.blankLines} | ${before.text.slice(-24)} ⏎ ${after.text.slice(0, 24)}`);
    }
  }
}
console.log(confusion);
