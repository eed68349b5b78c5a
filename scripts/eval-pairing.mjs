#!/usr/bin/env node
// A held-out check of section pairing (issue 15): the news extractions of the corpus with their section
// labels put where other extractors and layouts put them, and the outline (what documentSymbol shows)
// scored against the article's own labels and titles.
//
//   node scripts/eval-pairing.mjs [--set news-train|news-dev] [--only PLACEMENT] [--misses] [--json FILE] [--write DIR]
//     (--write: each variant's text to DIR/<id>.<placement>.<n>.txt and its fix to …<n>.fixed.txt, to read a
//     miss; --misses: the texts short of their sections in the outline or the fixed text; --no-fixed: the outline
//     of the extractions only, without fix-all, several times faster)
//   node scripts/eval-pairing.mjs --pack [CORPUS]   writes training/news-outlines.json from CORPUS's *.expect.json,
//     and training/news-figures.json (their `figures`, read by test/unit/figures.corpus.test.ts)
//
// Runs from a clone: the extractions and truths are training/corpus.json.gz (scripts/train/pack-corpus.mjs),
// the expected outlines training/news-outlines.json (the `outline` of each news article's expect.json).
//
// Every extraction of an article with headings is first reduced to its lines with the labels taken out
// (box labels' lines removed, an inline label's prefix cut off its heading line), each title found among
// the lines by its text. Articles whose headings are inline (一、…) or plain are made box-labelled articles
// of another series (要点, 第, 关键词, 焦点, 观察): their labels are new, their extractions real. Then each
// placement puts the labels back:
//
// - before:         each label on the line before its title (where the layout prints it);
// - after:          each label on the line after its title's last line;
// - end:            every label at the end of the page, in order (mutool prints a box layer last);
// - byline:         the first label beside the byline (on the line after it), the rest before their titles;
// - speaker-before: one label at a time on the line before the last quoted person's line above its title;
// - speaker-after:  one label at a time on the line before the first quoted person's line below its title;
// - wrap2, wrap3:   labels before their titles, each title cut over two or three lines, each line but the
//                   last filled (60 %, 40 % of the title); wrap2-even: two lines of equal length; a line
//                   neither ends with an opening quote or bracket nor starts with a closing mark (kinsoku);
// - end+wrap2:      labels at the end, titles over two lines;
// - beside-left, beside-right: each label on its title's line, before it (two spaces between) or after it
//                   (six spaces), as an extractor prints a box beside the title on one baseline;
// - series:         labels before their titles, the series word replaced (信号 → 要点, 第, 关键词 …).
//
// A section counts when the outline has a section with its label and its title; a wrong pair is a
// section entry whose label is one of the article's but whose title is not that label's. The last column
// counts the sections of fix-all's output (which moves a displaced label above its title).

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { loadCore } from './load-core.mjs';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUTLINES = path.join(ROOT, 'training', 'news-outlines.json');
const FIGURES = path.join(ROOT, 'training', 'news-figures.json');
const CORPUS = path.join(ROOT, 'training', 'corpus.json.gz');
const NEWS_SETS = ['news-train', 'news-dev'];
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** The series a synthetic box article takes, by article (cycled), and the series a `series` variant swaps to. */
const OTHER_SERIES = ['要点', '第', '关键词', '焦点', '观察', '看点', '信号'];

function parseArgs(argv) {
  const options = { sets: NEWS_SETS, only: undefined, misses: false, json: undefined, pack: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--set') options.sets = [argv[++i]];
    else if (arg === '--only') options.only = argv[++i];
    else if (arg === '--misses') options.misses = true;
    else if (arg === '--json') options.json = argv[++i];
    else if (arg === '--write') options.write = argv[++i];
    else if (arg === '--no-fixed') options.noFixed = true;
    else if (arg === '--pack') options.pack = argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : path.join(ROOT, '..', 'shared', 'corpus');
    else throw new Error(`unknown argument ${arg}`);
  }
  return options;
}

/** training/news-outlines.json: each news article's title, outline and quoted people, from its expect.json. */
function pack(corpus) {
  const articles = {};
  const figures = {};
  for (const set of NEWS_SETS) {
    const dir = path.join(corpus, set);
    for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.expect.json')).sort()) {
      const expect = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
      articles[expect.id] = { set, title: expect.title, outline: expect.outline, speakers: expect.speakers };
      if (expect.figures) figures[expect.id] = { set, figures: expect.figures };
    }
  }
  fs.writeFileSync(OUTLINES, JSON.stringify({ source: 'shared corpus news-train, news-dev: *.expect.json (title, outline, speakers)', articles }, null, 1) + '\n');
  console.log(`${Object.keys(articles).length} articles -> ${path.relative(process.cwd(), OUTLINES)}`);
  // One figure a line: 856 figures stay a short, diffable file.
  const lines = Object.entries(figures).map(
    ([id, { set, figures: list }]) => ` ${JSON.stringify(id)}: {"set": ${JSON.stringify(set)}, "figures": [\n${list.map((figure) => `  ${JSON.stringify(figure)}`).join(',\n')}\n ]}`,
  );
  const source = 'shared corpus news-train, news-dev: *.expect.json (figures; block is the 0-based index of the non-blank truth line, pos the offset in it)';
  fs.writeFileSync(FIGURES, `{"source": ${JSON.stringify(source)}, "articles": {\n${lines.join(',\n')}\n}}\n`);
  console.log(`${Object.keys(figures).length} articles' figures -> ${path.relative(process.cwd(), FIGURES)}`);
}

const compact = (text) => text.replace(/[\s\u3000\f]+/g, '');

/** Where `text` (compacted) lies among `lines` from line `from` on: its first and last lines and whether it fills them. */
function locate(lines, text, from = 0) {
  const wanted = compact(text);
  for (let first = from; first < lines.length; first++) {
    const head = compact(lines[first]);
    if (head.length === 0) continue;
    const at = head.indexOf(wanted.slice(0, Math.min(wanted.length, head.length)));
    if (at < 0) continue;
    // The title starts at `at` of this line and runs on over the lines after it.
    let joined = head.slice(at);
    let last = first;
    while (joined.length < wanted.length && last + 1 < lines.length) {
      last++;
      joined += compact(lines[last]);
    }
    if (!joined.startsWith(wanted)) continue;
    return { first, last, whole: at === 0 && joined.length === wanted.length };
  }
  return undefined;
}

/**
 * An extraction reduced to its lines without labels, and where each section's title stands: undefined when
 * a title cannot be found whole on lines of its own (pdfminer sometimes prints it inside a paragraph).
 */
function unlabelled(extracted, outline) {
  let lines = extracted.split('\n');
  const boxLabels = new Set(outline.filter((s) => s.form === 'box').map((s) => s.label));
  // Box labels' lines, and the blank line after each (the layout's block around the box), go.
  let blankAfterLabel = false;
  const kept = [];
  for (let i = 0; i < lines.length; i++) {
    if (boxLabels.has(compact(lines[i]))) {
      if (i + 1 < lines.length && compact(lines[i + 1]) === '' && lines[i + 1] !== undefined) {
        blankAfterLabel = true;
        i++;
      }
      continue;
    }
    kept.push(lines[i]);
  }
  lines = kept;
  const titles = [];
  let from = 0;
  for (const section of outline) {
    const printed = section.form === 'inline' ? section.label + section.title : section.title;
    const where = locate(lines, printed, from);
    if (!where || !where.whole) return undefined;
    if (section.form === 'inline') {
      const cut = compact(lines[where.first]).slice(compact(section.label).length);
      if (cut.length === 0) return undefined;
      lines[where.first] = cut;
    }
    titles.push({ first: where.first, last: where.last });
    from = where.last + 1;
  }
  // Whether the extractor sets a block apart with a blank line (the label then gets one after it).
  const blankBefore = titles.some((t) => t.first > 0 && compact(lines[t.first - 1]) === '');
  return { lines, titles, blank: blankAfterLabel || blankBefore };
}

/** The lines of quoted people (the first line naming each), in line order. */
function speakerLines(lines, speakers) {
  const found = [];
  for (const { name } of speakers) {
    const i = lines.findIndex((line) => compact(line).includes(name));
    if (i >= 0) found.push(i);
  }
  return [...new Set(found)].sort((a, b) => a - b);
}

/**
 * The text with labels[k] inserted on the line before insertion[k] (a line index of `lines`; lines.length:
 * the end), titles[k] replaced by `titleLines[k]` where given.
 */
function assemble(base, labels, insertion, titleLines) {
  const before = new Map();
  insertion.forEach((at, k) => {
    if (!before.has(at)) before.set(at, []);
    before.get(at).push(labels[k]);
  });
  const replaced = new Map();
  if (titleLines) base.titles.forEach((t, k) => replaced.set(t.first, { last: t.last, lines: titleLines[k] }));
  const out = [];
  const labelBlock = (label) => (base.blank ? [label, ''] : [label]);
  for (let i = 0; i <= base.lines.length; i++) {
    for (const label of before.get(i) ?? []) {
      if (i === base.lines.length && out.length > 0 && compact(out[out.length - 1]) !== '') out.push('');
      out.push(...labelBlock(label));
    }
    if (i === base.lines.length) break;
    const replacement = replaced.get(i);
    if (replacement) {
      out.push(...replacement.lines);
      i = replacement.last;
      continue;
    }
    out.push(base.lines[i]);
  }
  return out.join('\n');
}

/**
 * A title cut over lines as a narrower column wraps it: each line but the last holds `share` of its
 * characters (a wrapped heading fills its line; what is left goes on the next), or, `even`, lines of
 * nearly equal length (a layout that balances a heading's lines).
 */
function wrapped(title, parts, even = false) {
  const text = compact(title);
  const size = even ? Math.ceil(text.length / parts) : Math.ceil(text.length * (parts === 2 ? 0.6 : 0.4));
  const pieces = [];
  for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size));
  // As a typesetter breaks lines: no line ends with an opening mark (it goes on the next line), and none
  // starts with a closing mark (it stays at the end of the line before).
  for (let k = 0; k + 1 < pieces.length; k++) {
    while (pieces[k].length > 1 && OPENING_MARK.test(pieces[k].slice(-1))) {
      pieces[k + 1] = pieces[k].slice(-1) + pieces[k + 1];
      pieces[k] = pieces[k].slice(0, -1);
    }
    while (pieces[k + 1].length > 1 && CLOSING_MARK.test(pieces[k + 1][0])) {
      pieces[k] += pieces[k + 1][0];
      pieces[k + 1] = pieces[k + 1].slice(1);
    }
  }
  return pieces;
}

/** Marks a line may not end with, and marks it may not start with (kinsoku). */
const OPENING_MARK = /[“‘（《「『〈【]/;
const CLOSING_MARK = /[”’）》」』〉】、，。：；！？]/;

/** The variants of one extraction: [placement, text, expected [{label, title}]]. */
function variants(base, outline, series, speakers) {
  const titles = outline.map((s) => s.title);
  const labelsOf = (word) => outline.map((_, k) => `${word}${NUMERALS[k]}`);
  const labels = labelsOf(series);
  const expect = (ls) => ls.map((label, k) => ({ label, title: titles[k] }));
  const beforeEach = base.titles.map((t) => t.first);
  const afterEach = base.titles.map((t) => t.last + 1);
  const end = base.titles.map(() => base.lines.length);
  const out = [];
  out.push(['before', assemble(base, labels, beforeEach), expect(labels)]);
  out.push(['after', assemble(base, labels, afterEach), expect(labels)]);
  out.push(['end', assemble(base, labels, end), expect(labels)]);
  const byline = base.lines.findIndex((line, i) => i > 0 && i < 8 && /记者|通讯员/.test(line));
  if (byline >= 0 && byline + 1 < base.titles[0].first) {
    out.push(['byline', assemble(base, labels, [byline + 1, ...beforeEach.slice(1)]), expect(labels)]);
  }
  const quoted = speakerLines(base.lines, speakers);
  base.titles.forEach((title, k) => {
    const above = quoted.filter((i) => i < title.first && (k === 0 || i > base.titles[k - 1].last));
    if (above.length > 0) {
      const at = beforeEach.slice();
      at[k] = above[above.length - 1];
      out.push(['speaker-before', assemble(base, labels, at), expect(labels)]);
    }
    const below = quoted.filter((i) => i > title.last && (k + 1 === base.titles.length || i < base.titles[k + 1].first));
    if (below.length > 0) {
      const at = beforeEach.slice();
      at[k] = below[0];
      out.push(['speaker-after', assemble(base, labels, at), expect(labels)]);
    }
  });
  // A label printed on its title's line, as an extractor prints two boxes on one baseline.
  out.push(['beside-left', assemble(base, [], [], titles.map((t, k) => [`${labels[k]}  ${compact(t)}`])), expect(labels)]);
  out.push(['beside-right', assemble(base, [], [], titles.map((t, k) => [`${compact(t)}      ${labels[k]}`])), expect(labels)]);
  if (titles.every((t) => compact(t).length >= 4)) {
    out.push(['wrap2', assemble(base, labels, beforeEach, titles.map((t) => wrapped(t, 2))), expect(labels)]);
    out.push(['end+wrap2', assemble(base, labels, end, titles.map((t) => wrapped(t, 2))), expect(labels)]);
    out.push(['wrap2-even', assemble(base, labels, beforeEach, titles.map((t) => wrapped(t, 2, true))), expect(labels)]);
  }
  if (titles.every((t) => compact(t).length >= 9)) {
    out.push(['wrap3', assemble(base, labels, beforeEach, titles.map((t) => wrapped(t, 3))), expect(labels)]);
  }
  for (const word of OTHER_SERIES.filter((w) => w !== series).slice(0, 3)) {
    const other = labelsOf(word);
    out.push([`series`, assemble(base, other, beforeEach), expect(other)]);
  }
  return out;
}

/** Expected sections the outline pairs right, and section entries pairing one of the labels with a wrong title. */
function score(analysis, expected) {
  const rows = analysis.outline.filter((entry) => entry.kind === 'section');
  const own = new Map(expected.map(({ label, title }) => [label, compact(title)]));
  let hit = 0;
  let wrong = 0;
  const pool = rows.map((r) => `${r.label}|${compact(r.title ?? '')}`);
  for (const { label, title } of expected) {
    const i = pool.indexOf(`${label}|${compact(title)}`);
    if (i >= 0) {
      hit++;
      pool.splice(i, 1);
    }
  }
  for (const r of rows) if (own.has(r.label) && own.get(r.label) !== compact(r.title ?? '')) wrong++;
  return { hit, wrong };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.pack) return pack(options.pack);
  const core = await loadCore();
  const settings = core.mergeSettings({ cjkLatinSpacing: 'forbid' });
  const { articles } = JSON.parse(fs.readFileSync(OUTLINES, 'utf8'));
  const { sets } = JSON.parse(zlib.gunzipSync(fs.readFileSync(CORPUS)).toString('utf8'));
  const totals = new Map();
  const add = (key, hit, all, wrong, fixed) => {
    const t = totals.get(key) ?? { hit: 0, all: 0, wrong: 0, texts: 0, fixedHit: 0 };
    t.hit += hit;
    t.fixedHit += fixed;
    t.all += all;
    t.wrong += wrong;
    t.texts++;
    totals.set(key, t);
    return t;
  };
  const misses = [];
  const skipped = [];
  let synthetic = 0;
  const written = new Map();
  if (options.write) fs.mkdirSync(options.write, { recursive: true });
  for (const set of options.sets) {
    for (const { id, extracted } of sets[set]) {
      const article = articles[id.replace(/-[a-z]+$/, '')];
      if (!article || article.outline.length === 0) continue;
      const base = unlabelled(extracted, article.outline);
      if (!base) {
        skipped.push(id);
        continue;
      }
      const box = article.outline.every((s) => s.form === 'box');
      const series = box ? article.outline[0].label.replace(/[一二三四五六七八九十]+$/, '') : OTHER_SERIES[synthetic++ % OTHER_SERIES.length];
      for (const [placement, text, expected] of variants(base, article.outline, series, article.speakers)) {
        if (options.only && placement !== options.only) continue;
        const { hit, wrong } = score(core.analyze(text, settings), expected);
        // Fix-all moves a displaced label above its title: the outline of the fixed text, too.
        const fixedText = options.noFixed ? undefined : core.fixAll(text, settings);
        const fixed = fixedText === undefined ? 0 : score(core.analyze(fixedText, settings), expected).hit;
        const n = (written.get(`${id}.${placement}`) ?? 0) + 1;
        written.set(`${id}.${placement}`, n);
        if (options.write) fs.writeFileSync(path.join(options.write, `${id}.${placement}.${n}.txt`), text);
        if (options.write && fixedText !== undefined) fs.writeFileSync(path.join(options.write, `${id}.${placement}.${n}.fixed.txt`), fixedText);
        add(placement, hit, expected.length, wrong, fixed);
        add(`${set} (all placements)`, hit, expected.length, wrong, fixed);
        add(box ? 'box-labelled articles' : 'inline/plain articles made box-labelled', hit, expected.length, wrong, fixed);
        const fixedShort = !options.noFixed && fixed < expected.length;
        if (hit < expected.length || wrong > 0 || fixedShort) {
          misses.push(`${id} ${placement}.${n} (${series}): ${hit}/${expected.length}${wrong ? `, ${wrong} wrong` : ''}${options.noFixed ? '' : `; fixed text ${fixed}/${expected.length}`}`);
        }
      }
    }
  }
  const pct = (a, b) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)} %`);
  console.log('| placement | texts | sections paired | wrong pairs | paired in the fixed text |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const [key, t] of totals) console.log(`| ${key} | ${t.texts} | ${t.hit}/${t.all} (${pct(t.hit, t.all)}) | ${t.wrong} | ${t.fixedHit}/${t.all} (${pct(t.fixedHit, t.all)}) |`);
  if (skipped.length) console.log(`extractions whose titles are not whole lines (left out): ${skipped.join(', ')}`);
  if (options.misses) for (const miss of misses) console.log(`  ${miss}`);
  if (options.json) fs.writeFileSync(options.json, JSON.stringify(Object.fromEntries(totals), null, 1));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(2);
});
