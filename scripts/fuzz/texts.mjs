// Seeded texts for the fuzz campaigns (scripts/fuzz/*.mjs): real extractions and truths from the corpus
// and the sample, cut and joined, then mutated the way extractors and editors mangle text (labels and
// figures spliced in, quotes, spaces, lone commas, CRLF, lone surrogates, lines split and joined).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A small, fast, seeded generator (mulberry32): the same seed gives the same campaign. */
export function random(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return { next, int, pick: (list) => list[int(list.length)], chance: (p) => next() < p };
}

/**
 * The real texts a campaign starts from: the shared corpus when present (/work/shared/corpus, or
 * ARTICLE_LINT_CORPUS), else the copies under test/fixtures; the sample article in every case.
 */
export function realTexts() {
  const texts = [];
  const add = (file) => texts.push(fs.readFileSync(file, 'utf8'));
  const corpus = process.env.ARTICLE_LINT_CORPUS ?? '/work/shared/corpus';
  const dirs = fs.existsSync(corpus)
    ? fs.readdirSync(corpus).map((share) => path.join(corpus, share)).filter((dir) => fs.statSync(dir).isDirectory())
    : ['dev', 'news-dev'].map((share) => path.join(ROOT, 'test', 'fixtures', 'corpus-check', share));
  for (const dir of dirs.sort()) {
    for (const name of fs.readdirSync(dir).sort()) if (name.endsWith('.txt')) add(path.join(dir, name));
  }
  add(path.join(ROOT, 'test', 'fixtures', 'sample', 'sample.raw.article'));
  add(path.join(ROOT, 'samples', 'sample.article'));
  return texts;
}

/** What gets spliced in: each a thing that has broken a naive reader of these texts. */
const SPLICES = [
  '信号一', '信号二\n', '\n信号三\n', '\n要点四\n', '亮点五', '一、', '（二）', '3.', '第二章 ', '\n（完）\n', '（完）',
  '27.2', '\n万亿元', '32.9%', '2017年', '约3000', '\n3', '000万', 'GDP', 'ＧＤＰ２０１７', '１２３', '1,234.5', '−5',
  '“', '”', '‘', '’', '「', '」', '《', '》', '（', '）', '(', ')', '"', "'", '【', '】',
  '，', '。', '、', '；', '：', '！', '？', '…', '……', '—', '——', '...', '--', '。。', ',', '.', ';', ':', '!', '?',
  '\n,\n', '\n，\n', '\n。\n', '\n+\n', ' ', '  ', '   ', '\t', '\u3000', '\u00a0', '\u200b', '\ufeff',
  '\n', '\n\n', '\n\n\n', '\r\n', '\r', '\f', '\f\n', '\v', '\u2028', '\u2029', '\u0085',
  '\ud800', '\udc00', '\u{20000}', '\u{1F600}', 'e\u0301', '\u0301', '\u0000', '\u0007', '\u001b[0m',
  '本报记者 王明', '据新华社电', '习近平总书记指出：“', '他说，', '记者 李华 摄', '图为', '（图片来源：新华社）',
  'http://example.com/a?b=1', 'www.example.cn', 'a@b.cn', 'Red Hat', 'Linux  kernel',
  '<!-- article-lint-disable -->\n', '<!-- article-lint-enable -->\n', '<!-- article-lint-disable-next-line broken-line -->\n',
  '<!-- article-lint-disable space-around-punctuation -->', '<!--', '-->',
];

/** A piece of a real text: whole lines, or cut anywhere (as a user's selection or an edit leaves it). */
function slice(rng, text) {
  if (rng.chance(0.25)) return text;
  const length = rng.pick([80, 300, 1000, 3000, 8000]);
  let start = rng.int(Math.max(1, text.length));
  let end = Math.min(text.length, start + length);
  if (rng.chance(0.6)) {
    const lineStart = text.lastIndexOf('\n', start);
    start = lineStart < 0 ? 0 : lineStart + 1;
    const lineEnd = text.indexOf('\n', end);
    end = lineEnd < 0 ? text.length : lineEnd + 1;
  }
  return text.slice(start, end);
}

/** Random positions: anywhere, or at a line's start or end. */
function position(rng, text) {
  const at = rng.int(text.length + 1);
  if (rng.chance(0.4)) {
    const lineStart = text.lastIndexOf('\n', at - 1);
    return rng.chance(0.5) ? lineStart + 1 : (text.indexOf('\n', at) + 1 || text.length + 1) - 1;
  }
  return at;
}

/** One mutation: what it did, and the text after it. */
export function mutate(rng, text) {
  switch (rng.int(12)) {
    case 0:
    case 1:
    case 2: {
      const at = position(rng, text);
      return text.slice(0, at) + rng.pick(SPLICES) + text.slice(at);
    }
    case 3: {
      // A line split at random (a wrap the extractor made).
      const at = rng.int(text.length + 1);
      return text.slice(0, at) + '\n' + text.slice(at);
    }
    case 4: {
      // Two lines joined (a break removed), or a blank line removed.
      const at = text.indexOf('\n', rng.int(text.length + 1));
      if (at < 0) return text;
      return text.slice(0, at) + (rng.chance(0.3) ? ' ' : '') + text.slice(at + 1);
    }
    case 5: {
      // A range deleted.
      const at = rng.int(text.length + 1);
      return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + rng.int(rng.chance(0.8) ? 8 : 400)));
    }
    case 6: {
      // Line endings changed over a stretch: CRLF, CR, or mixed.
      const at = rng.int(text.length + 1);
      const end = Math.min(text.length, at + rng.int(4000));
      const ending = rng.pick(['\r\n', '\r', '\n\r']);
      return text.slice(0, at) + text.slice(at, end).replace(/\r?\n/g, ending) + text.slice(end);
    }
    case 7: {
      // A line moved elsewhere (as an extractor moves a label or a caption).
      const lines = text.split('\n');
      if (lines.length < 3) return text;
      const [line] = lines.splice(rng.int(lines.length), 1);
      lines.splice(rng.int(lines.length + 1), 0, line);
      return lines.join('\n');
    }
    case 8: {
      // A stretch copied elsewhere (repeated text, an article pasted twice).
      const at = rng.int(text.length + 1);
      const piece = text.slice(at, at + rng.int(600));
      const to = position(rng, text);
      return text.slice(0, to) + piece + text.slice(to);
    }
    case 9: {
      // Spaces or full-width spaces put between characters over a stretch (justified lines).
      const at = rng.int(text.length + 1);
      const end = Math.min(text.length, at + rng.int(60));
      const space = rng.pick([' ', '  ', '\u3000', '\t']);
      return text.slice(0, at) + Array.from(text.slice(at, end)).join(space) + text.slice(end);
    }
    case 10: {
      // A surrogate pair cut (half of it lost), or a lone half inserted mid-pair.
      const pair = text.search(/[\ud800-\udbff][\udc00-\udfff]/);
      const at = pair >= 0 && rng.chance(0.5) ? pair + 1 : rng.int(text.length + 1);
      return text.slice(0, at) + rng.pick(['\ud83d', '\ude00', '']) + text.slice(at + (rng.chance(0.5) ? 1 : 0));
    }
    default: {
      // Indentation or trailing whitespace on a line.
      const at = position(rng, text);
      return text.slice(0, at) + rng.pick(['    ', '  ', '\u3000\u3000', ' \t', '\t']) + text.slice(at);
    }
  }
}

/** A campaign's text: one to three pieces of real text, or pure noise, mutated a few to many times. */
export function caseText(rng, reals, { maxLength = 40_000 } = {}) {
  let text;
  const kind = rng.int(10);
  if (kind === 0) {
    // Only punctuation, only labels, only spaces and line ends.
    const alphabet = rng.pick([['，', '。', '、', ',', '.', '“', '”', '\n'], ['信号一\n', '信号二\n', '一、', '\n\n'], [' ', '\n', '\r\n', '\t', '\u3000', '\f']]);
    text = Array.from({ length: rng.int(400) }, () => rng.pick(alphabet)).join('');
  } else {
    const pieces = 1 + rng.int(3);
    text = Array.from({ length: pieces }, () => slice(rng, rng.pick(reals))).join(rng.pick(['\n\n', '\n', '']));
  }
  const mutations = rng.pick([0, 1, 3, 10, 40]);
  for (let i = 0; i < mutations; i++) text = mutate(rng, text);
  if (text.length > maxLength) text = text.slice(0, maxLength);
  if (rng.chance(0.1)) text = '\ufeff' + text;
  return text;
}

/** Han characters, letters and digits in order (full-width ones as half-width): what no fix may drop, add or reorder. */
export function essentials(text) {
  return Array.from(text.normalize('NFKC'))
    .filter((ch) => /[\p{Script=Han}\p{L}\p{N}]/u.test(ch))
    .join('');
}

/**
 * A line that could be a section label (信号一, 要点3, ...): loosely, so that the check below allows every
 * move displaced-label may make, and not much more.
 */
const LABEL_LINE = /^[\s\u3000]*[\p{Script=Han}A-Za-z]{1,8}[\s\u3000]*(?:[〇零一二两三四五六七八九十百]+|[0-9０-９]{1,2})[\s\u3000]*$/u;

/**
 * Whether `after` keeps every Han character, letter and digit of `before` in order, but for whole label
 * lines moved (the one reordering a fix may make): leaving out some label lines of each with the same
 * texts, what is left is the same.
 */
export function keepsEssentials(before, after) {
  if (essentials(before) === essentials(after)) return true;
  return alignsMovingLabelLines(labelled(before), labelled(after));
}

function labelled(text) {
  let all = '';
  const labels = new Map();
  for (const line of text.split(/\r\n|\r|\n/)) {
    const own = essentials(line);
    if (own.length > 0 && LABEL_LINE.test(line.replace(/[\s\u3000]+/g, ''))) labels.set(all.length, own);
    all += own;
  }
  return { text: all, labels };
}

function alignsMovingLabelLines(before, after) {
  const pending = new Map();
  const move = (label, by) => {
    const count = (pending.get(label) ?? 0) + by;
    if (count === 0) pending.delete(label);
    else pending.set(label, count);
  };
  const failed = new Set();
  let budget = 200_000;
  const visit = (i, j) => {
    if (--budget < 0) return false;
    while (!before.labels.has(i) && !after.labels.has(j)) {
      if (i === before.text.length && j === after.text.length) return pending.size === 0;
      if (i === before.text.length || j === after.text.length || before.text[i] !== after.text[j]) return false;
      i++;
      j++;
    }
    const key = `${i} ${j} ${[...pending].sort().join()}`;
    if (failed.has(key)) return false;
    if (i < before.text.length && j < after.text.length && before.text[i] === after.text[j] && visit(i + 1, j + 1)) return true;
    const left = before.labels.get(i);
    if (left !== undefined) {
      move(left, 1);
      if (visit(i + left.length, j)) return true;
      move(left, -1);
    }
    const placed = after.labels.get(j);
    if (placed !== undefined) {
      move(placed, -1);
      if (visit(i, j + placed.length)) return true;
      move(placed, 1);
    }
    failed.add(key);
    return false;
  };
  return visit(0, 0);
}

/** Applies edits that do not overlap, in any order. */
export function applyEdits(text, edits) {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let result = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor) throw new Error(`edits overlap at ${edit.start}`);
    result += text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
  }
  return result + text.slice(cursor);
}

/** Whether an offset falls between the two halves of a surrogate pair. */
export function splitsPair(text, offset) {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}
