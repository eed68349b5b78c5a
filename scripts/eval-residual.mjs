#!/usr/bin/env node
// What a fixed text still gets wrong, by cause: every edit of the scorer's edit distance (fixed -> truth, in its
// canonical form) is put in one category, so the categories add up to the distance the scorer reports.
//
//   node scripts/eval-residual.mjs --truth DIR --fixed DIR [--show CATEGORY] [--limit N]
//
// Edits are read from the scorer's own alignment (corpus-score.mjs `align`) and grouped into hunks (runs of
// edits between matching characters). A hunk whose letters, digits or Han stand elsewhere on the other side
// is text out of order; one whose text stands nowhere there is text lost or text the truth lacks; what is
// left is a single mark or whitespace, classed by what it is. Run it on `npm run eval:oracle`'s output to see
// what remains when every break is decided right.

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { align, canon } from './corpus-score.mjs';

const CHINESE = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\u2018-\u201d\u2026\u2014\u00b7]/u;
const WORD = /[\p{L}\p{N}]/u;
const QUOTE = /^['"‘’“”「」『』]$/u;
const WIDTH = new Map(Object.entries({ ',': '，', '.': '。', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' }));

export const CATEGORIES = [
  'text out of order',
  'text lost by the extractor',
  'text the truth lacks',
  'punctuation lost',
  'punctuation the truth lacks',
  'quote marks (straight in the truth)',
  'half- or full-width punctuation',
  'full-width letters or digits, ligatures (as the truth keeps them)',
  'space next to Chinese',
  'space between Latin text',
  'space the truth has',
  'newline the truth lacks',
  'newline the truth has',
  'other substitution',
];

/** The hunks of an alignment of fixed (a) to truth (b): runs of edits, each with the ops it holds. */
function hunksOf(a, b) {
  const { map } = align(a, b);
  const hunks = [];
  let hunk = null;
  const edit = (op) => {
    if (!hunk) hunks.push((hunk = { at: op.i, ops: [] }));
    hunk.ops.push(op);
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && map[i] === j) {
      if (a[i] === b[j]) hunk = null;
      else edit({ kind: 'sub', a: a[i], b: b[j], i });
      i++;
      j++;
    } else if (i < a.length && map[i] === -1) {
      edit({ kind: 'del', a: a[i], i });
      i++;
    } else {
      edit({ kind: 'ins', b: b[j], i });
      j++;
    }
  }
  return hunks;
}

/** How much of a hunk's side stands elsewhere on the other side (runs of two or more word characters, or a number). */
function sharedWith(text, other) {
  const runs = text.split(/[^\p{L}\p{N}%.]+/u).filter((run) => run.length >= 2 || /^\p{N}$/u.test(run));
  const words = [...text].filter((ch) => WORD.test(ch)).length;
  const shared = runs.filter((run) => other.includes(run)).reduce((sum, run) => sum + run.length, 0);
  return words === 0 ? 0 : shared / words;
}

function spaceCategory(op, fixed) {
  const ch = op.kind === 'ins' ? op.b : op.a;
  if (ch === '\n') return op.kind === 'del' ? 'newline the truth lacks' : 'newline the truth has';
  if (op.kind === 'ins') return 'space the truth has';
  if (op.kind === 'sub') return 'newline the truth lacks';
  return CHINESE.test(fixed[op.i - 1] ?? '') || CHINESE.test(fixed[op.i + 1] ?? '') ? 'space next to Chinese' : 'space between Latin text';
}

function markCategory(op) {
  if (op.kind === 'del') return WORD.test(op.a) ? 'text the truth lacks' : 'punctuation the truth lacks';
  if (op.kind === 'ins') return WORD.test(op.b) ? 'text lost by the extractor' : 'punctuation lost';
  if (QUOTE.test(op.a) && QUOTE.test(op.b)) return 'quote marks (straight in the truth)';
  if (WIDTH.get(op.a) === op.b || WIDTH.get(op.b) === op.a) return 'half- or full-width punctuation';
  return 'other substitution';
}

/** Puts every edit from fixedText to truthText in a category (tally(category, context)); returns the truth's length. */
export function residualOf(truthText, fixedText, tally) {
  const truth = [...canon(truthText)];
  const fixed = [...canon(fixedText)];
  const truthWords = truth.filter((ch) => !/\s/u.test(ch)).join('');
  const fixedWords = fixed.filter((ch) => !/\s/u.test(ch)).join('');
  for (const hunk of hunksOf(fixed, truth)) {
    const removed = hunk.ops.filter((op) => op.kind !== 'ins').map((op) => op.a).join('');
    const added = hunk.ops.filter((op) => op.kind !== 'del').map((op) => op.b).join('');
    const context = `…${fixed.slice(Math.max(0, hunk.at - 8), hunk.at).join('')}[${removed}→${added}]${fixed.slice(hunk.at + [...removed].length, hunk.at + [...removed].length + 8).join('')}…`;
    const moved = Math.max(sharedWith(removed, truthWords), sharedWith(added, fixedWords)) >= 0.5;
    const words = [...removed, ...added].some((ch) => WORD.test(ch));
    const compatible = words && removed !== added && removed.normalize('NFKC') === added.normalize('NFKC');
    for (const op of hunk.ops) {
      let category;
      if (moved) category = 'text out of order';
      else if (compatible) category = 'full-width letters or digits, ligatures (as the truth keeps them)';
      else if (op.kind === 'sub' && /\s/u.test(op.a) !== /\s/u.test(op.b)) {
        // A mark or word where the other side has whitespace: the whitespace only stands in its place.
        category = /\s/u.test(op.a) ? markCategory({ kind: 'ins', b: op.b }) : markCategory({ kind: 'del', a: op.a });
      } else if ((op.kind !== 'ins' && /\s/u.test(op.a)) || (op.kind !== 'del' && /\s/u.test(op.b))) {
        category = words && op.kind !== 'sub' ? (removed.trim() ? 'text the truth lacks' : 'text lost by the extractor') : spaceCategory(op, fixed);
      } else category = markCategory(op);
      tally(category, context);
    }
  }
  return truth.length;
}

function main() {
  const args = process.argv.slice(2);
  const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const truthDir = option('--truth');
  const fixedDir = option('--fixed');
  const show = option('--show');
  const limit = Number(option('--limit') ?? 30);
  if (!truthDir || !fixedDir) {
    console.error('usage: node scripts/eval-residual.mjs --truth DIR --fixed DIR [--show CATEGORY] [--limit N]');
    process.exit(2);
  }

  const totals = new Map(CATEGORIES.map((category) => [category, 0]));
  const byExtractor = new Map();
  const examples = [];
  let truthLength = 0;
  const ids = fs.readdirSync(truthDir).filter((name) => name.endsWith('.truth.txt')).map((name) => name.slice(0, -'.truth.txt'.length)).sort();
  for (const id of ids) {
    const fixedPath = path.join(fixedDir, `${id}.fixed.txt`);
    const fixed = fs.existsSync(fixedPath) ? fixedPath : path.join(truthDir, `${id}.extracted.txt`);
    const extractor = id.slice(id.lastIndexOf('-') + 1);
    const row = byExtractor.get(extractor) ?? new Map();
    byExtractor.set(extractor, row);
    truthLength += residualOf(fs.readFileSync(path.join(truthDir, `${id}.truth.txt`), 'utf8'), fs.readFileSync(fixed, 'utf8'), (category, context) => {
      totals.set(category, totals.get(category) + 1);
      row.set(category, (row.get(category) ?? 0) + 1);
      if (category === show && examples.at(-1) !== `${id}: ${context}`) examples.push(`${id}: ${context}`);
    });
  }
  const distance = [...totals.values()].reduce((sum, n) => sum + n, 0);
  const extractors = [...byExtractor.keys()].sort();
  const percent = (n) => `${((100 * n) / truthLength).toFixed(3)}%`;
  console.log(`${ids.length} files, ${truthLength} truth characters, edit distance ${distance} (${percent(distance)})`);
  console.log(`| cause | chars | share of truth | ${extractors.join(' | ')} |`);
  console.log(`|---|---|---|${extractors.map(() => '---|').join('')}`);
  for (const [category, n] of totals) {
    if (n > 0) console.log(`| ${category} | ${n} | ${percent(n)} | ${extractors.map((x) => byExtractor.get(x).get(category) ?? 0).join(' | ')} |`);
  }
  for (const example of examples.slice(0, limit)) console.log(example.replace(/\n/g, '⏎'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
