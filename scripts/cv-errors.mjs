#!/usr/bin/env node
// The cross-validated fix-all's wrong paragraphs, each put down to the break that made it wrong: a join
// the truth breaks (a block edge joined) or a break the truth joins (a paragraph split). Grouped by the
// features the fold's model saw at that break, so a round can attack the largest group with evidence.
//
//   npm run train -- --cv --fixed DIR --dump DIR/rows.jsonl
//   node scripts/cv-errors.mjs --fixed DIR [--dump DIR/rows.jsonl] [--sets train,dev] [--corpus ../shared/corpus]
//                              [--examples N] [--group fired|kind] [--list] [--oracle DIR]
//
// --oracle DIR: only the blocks the ceiling matches (`npm run eval:oracle -- SET --out DIR/SET`: every break
// decided as the truth says), the ones a better break decision would win.
//
// A truth block counts as wrong when no line of the fixed text equals it (the scorer's paragraph match).
// Its breaks are those of the extraction whose neighbours align into it (inside: the truth joins them) or
// that stand at its edge (the truth breaks there). A break is to blame when the fixed text decides it
// otherwise than the truth. A wrong block with no break to blame lost its match elsewhere (text the
// extractor moved or lost, spacing and punctuation fixes): counted as "no break". Features and the
// model's probability come from the dump (the fold's first-pass decision, before fix-all's later passes).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { align, breakPoints, canon, decisions, nonWs } from './corpus-score.mjs';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

function options(argv) {
  // The corpus beside the repository (../shared/corpus, as the issue has it), or beside its worktrees' parent.
  const beside = [path.join(ROOT, '..', 'shared', 'corpus'), path.join(ROOT, '..', '..', 'shared', 'corpus')];
  const o = { sets: ['train', 'dev'], corpus: beside.find((dir) => fs.existsSync(dir)) ?? beside[0], examples: 3, group: 'fired', list: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = () => argv[++i];
    if (a === '--fixed') o.fixed = v();
    else if (a === '--dump') o.dump = v();
    else if (a === '--sets') o.sets = v().split(',');
    else if (a === '--corpus') o.corpus = v();
    else if (a === '--examples') o.examples = Number(v());
    else if (a === '--group') o.group = v();
    else if (a === '--list') o.list = true;
    else if (a === '--oracle') o.oracle = v();
    else throw new Error(`unknown option ${a}`);
  }
  if (!o.fixed) throw new Error('usage: cv-errors.mjs --fixed DIR [--dump FILE] [--sets a,b] [--corpus DIR] [--examples N] [--group fired|kind] [--list]');
  return o;
}

/** UTF-16 offsets of the non-whitespace code points of a raw text: the scorer's character indices. */
function nonWhitespaceOffsets(text) {
  const offsets = [];
  let offset = 0;
  for (const ch of text) {
    if (!/\s/u.test(ch)) offsets.push(offset);
    offset += ch.length;
  }
  return offsets;
}

/** The dump's rows by document id and the offset of the text after the break. */
function readDump(file) {
  const rows = new Map();
  if (!file) return rows;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    const row = JSON.parse(line);
    rows.set(`${row.id}@${row.at}`, row);
  }
  return rows;
}

/** The wrong truth blocks of one file and the breaks to blame for each. */
function blame(id, extractedRaw, truthRaw, fixedRaw, oracleRaw) {
  const T = canon(truthRaw);
  const E = canon(extractedRaw);
  const F = canon(fixedRaw);
  const tn = nonWs(T);
  const en = nonWs(E);
  const fn = nonWs(F);
  const toTruth = align(en.chars, tn.chars).map;
  const pts = breakPoints(en);
  const gold = decisions(en, tn, toTruth, pts);
  const fixed = decisions(en, fn, align(en.chars, fn.chars).map, pts);
  // Paragraph match as the scorer reads it (a multiset of the fixed text's lines).
  const blocks = T.split('\n').map((s) => s.trim());
  const matchedBy = (text) => {
    const lines = new Map();
    for (const l of canon(text).split('\n')) lines.set(l.trim(), (lines.get(l.trim()) ?? 0) + 1);
    return blocks.map((b) => {
      const c = lines.get(b) ?? 0;
      if (c > 0) lines.set(b, c - 1);
      return c > 0;
    });
  };
  const matched = matchedBy(fixedRaw);
  const reachable = oracleRaw === undefined ? blocks.map(() => true) : matchedBy(oracleRaw);
  const offsets = nonWhitespaceOffsets(extractedRaw);
  const wrong = [];
  blocks.forEach((block, b) => {
    if (matched[b] || !reachable[b]) return;
    const breaks = [];
    pts.forEach(([l, r], k) => {
      if (gold[k] === fixed[k]) return;
      const lb = tn.line[toTruth[l]];
      const rb = tn.line[toTruth[r]];
      if (!(toTruth[l] >= 0) && !(toTruth[r] >= 0)) return;
      if (lb === b || rb === b) breaks.push({ k, at: offsets[r], error: gold[k] ? 'split' : 'false join' });
    });
    wrong.push({ id, block: b, text: block, breaks });
  });
  return { wrong, extractedRaw };
}

/** A short view of the break: the end of the line before (¶ where a blank line stands between) and the start of the line after. */
function context(raw, at) {
  const head = raw.slice(0, at);
  const trimmed = head.replace(/\s+$/, '');
  const before = trimmed.slice(trimmed.lastIndexOf('\n') + 1).slice(-24);
  const blank = /\n[ \t]*\n/.test(head.slice(trimmed.length)) ? ' ¶ ' : ' / ';
  const after = raw.slice(at, at + 18).split('\n')[0];
  return `${before}${blank}${after}`;
}

function main() {
  const o = options(process.argv.slice(2));
  const dump = readDump(o.dump);
  const all = [];
  let blocks = 0;
  for (const set of o.sets) {
    const truthDir = path.join(o.corpus, set);
    for (const name of fs.readdirSync(truthDir).filter((n) => n.endsWith('.truth.txt')).sort()) {
      const id = name.slice(0, -'.truth.txt'.length);
      const fixedFile = path.join(o.fixed, set, `${id}.fixed.txt`);
      if (!fs.existsSync(fixedFile)) continue;
      const truth = fs.readFileSync(path.join(truthDir, name), 'utf8');
      const extracted = fs.readFileSync(path.join(truthDir, `${id}.extracted.txt`), 'utf8');
      blocks += canon(truth).split('\n').length;
      const oracleFile = o.oracle && path.join(o.oracle, set, `${id}.fixed.txt`);
      const oracle = oracleFile && fs.existsSync(oracleFile) ? fs.readFileSync(oracleFile, 'utf8') : undefined;
      const { wrong } = blame(id, extracted, truth, fs.readFileSync(fixedFile, 'utf8'), oracle);
      for (const w of wrong) all.push({ ...w, extracted });
    }
  }
  // Each break once, with the wrong blocks it costs (a false join usually costs two).
  const byBreak = new Map();
  let noBreak = 0;
  for (const w of all) {
    if (w.breaks.length === 0) noBreak++;
    for (const b of w.breaks) {
      const key = `${w.id}@${b.at}`;
      if (!byBreak.has(key)) byBreak.set(key, { ...b, id: w.id, extracted: w.extracted, blocks: 0, shared: 0, row: dump.get(key) });
      const entry = byBreak.get(key);
      entry.blocks++;
      entry.shared += 1 / w.breaks.length;
    }
  }
  console.log(`${all.length} wrong truth blocks of ${blocks} (${o.sets.join(' + ')}); ${noBreak} with no wrong break; ${byBreak.size} wrong breaks`);
  const groups = new Map();
  for (const entry of byBreak.values()) {
    const fired = entry.row?.fired ? Object.keys(entry.row.fired).filter((f) => f !== 'han-either-side').sort().join(' ') : '(not weighed)';
    const key = o.group === 'kind' ? `${entry.error} ${entry.row?.kind ?? '?'}` : `${entry.error}: ${fired}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(entry);
  }
  const sorted = [...groups.entries()].sort((a, b) => sum(b[1]) - sum(a[1]));
  for (const [key, entries] of sorted) {
    console.log(`\n${sum(entries).toFixed(1)} blocks, ${entries.length} breaks  ${key}`);
    const shown = o.list ? entries : entries.slice(0, o.examples);
    for (const e of shown) {
      const p = e.row?.p === undefined || e.row?.p === null ? '    ' : e.row.p.toFixed(2);
      console.log(`  ${e.id.padEnd(10)} p=${p} first-pass ${e.row ? (e.row.joinAfterRules ? 'join' : 'keep') : '?   '}  ${context(e.extracted, e.at)}`);
    }
  }
}

const sum = (entries) => entries.reduce((s, e) => s + e.shared, 0);

main();
