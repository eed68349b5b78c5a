#!/usr/bin/env node
// The ceiling of the line-break repair on a corpus folder: every line break decided as the truth says
// (joined or kept), then fix-all with the wrap rules off. What this scores short of the truth is not a
// wrong decision: it is text the extractor displaced (fixes never reorder text), punctuation it lost,
// or a rule whose spec differs from the truth's conventions (`node scripts/eval-residual.mjs` sorts it by cause).
// The other rules first fix the extraction as it stands, line by line, as fix-all does: a rule that reads a
// line (a letter-spaced line's gaps, space-between-han) would read a joined paragraph differently. Then the
// breaks are decided, and the rules run again over what the joins made.
//
//   npm run eval:oracle -- DIR [--out OUT] [scorer options: --per-file --only RE --json FILE]
//
// Gold comes from the scorer's alignment (scripts/gold-breaks.mjs), as in scripts/eval-breaks.mjs.

import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadCore } from './load-core.mjs';
import { goldJoins } from './gold-breaks.mjs';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const LATIN_OR_DIGIT = /[A-Za-z0-9]/;

const args = process.argv.slice(2);
const dir = args.find((arg, i) => !arg.startsWith('--') && !['--out', '--only', '--json'].includes(args[i - 1]));
if (!dir) {
  console.error('usage: npm run eval:oracle -- DIR [--out OUT] [--per-file] [--only RE] [--json FILE]');
  process.exit(2);
}
const out = args.includes('--out') ? args[args.indexOf('--out') + 1] : path.join(ROOT, 'eval-out', `${path.basename(path.resolve(dir))}-oracle`);
const scorerArgs = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--per-file') scorerArgs.push(args[i]);
  else if (args[i] === '--only' || args[i] === '--json') scorerArgs.push(args[i], args[++i]);
}

const core = await loadCore();
// The wrap rules (rule metadata): their decisions are what the oracle replaces.
const WRAP_RULES = core.rules.filter((rule) => rule.wrap).map((rule) => rule.id);
const decided = core.mergeSettings({ cjkLatinSpacing: 'forbid' });
const rest = core.mergeSettings({ cjkLatinSpacing: 'forbid', rules: Object.fromEntries(WRAP_RULES.map((id) => [id, 'off'])) });
fs.mkdirSync(out, { recursive: true });
const ids = fs.readdirSync(dir).filter((name) => name.endsWith('.truth.txt')).map((name) => name.slice(0, -'.truth.txt'.length)).sort();
for (const id of ids) {
  const extracted = core.fixAll(fs.readFileSync(path.join(dir, `${id}.extracted.txt`), 'utf8'), rest);
  const truth = fs.readFileSync(path.join(dir, `${id}.truth.txt`), 'utf8');
  const goldAt = goldJoins(extracted, truth);
  const { fragments, breaks } = core.analyze(extracted, decided).model;
  if (fragments.length === 0) {
    fs.writeFileSync(path.join(out, `${id}.fixed.txt`), '');
    continue;
  }
  let text = fragments[0].text;
  for (const lineBreak of breaks) {
    const after = fragments[lineBreak.index + 1];
    const join = goldAt(after.start) === true;
    if (!join) text += `\n\n${after.text}`;
    else text += (LATIN_OR_DIGIT.test(text[text.length - 1]) && LATIN_OR_DIGIT.test(after.text[0]) ? ' ' : '') + after.text;
  }
  fs.writeFileSync(path.join(out, `${id}.fixed.txt`), core.fixAll(`${text}\n`, rest));
}
console.log(`oracle: ${ids.length} files, every break as the truth decides it -> ${path.relative(process.cwd(), out) || '.'}`);
const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'corpus-score.mjs'), '--truth', dir, '--fixed', out, ...scorerArgs], { stdio: 'inherit' });
process.exit(result.status ?? 1);
