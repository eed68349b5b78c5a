#!/usr/bin/env node
// Accuracy of the line-break repair on a corpus folder.
//
//   npm run eval -- DIR [--out OUT] [--spacing forbid|ignore|require] [--off RULE-ID ...] [scorer options: --per-file --only RE --json FILE]
//
// Runs fix-all of the real core over every DIR/<id>.extracted.txt (news style: no space between Chinese
// and Latin letters or digits, as in the corpus truth), writes OUT/<id>.fixed.txt (default
// eval-out/<basename of DIR>; --off turns a rule off, to measure what it brings), then runs the corpus scorer (scripts/corpus-score.mjs) on the result.
// Where DIR holds <article>.expect.json files (news sets), it also prints how many expected sections
// the outline (what textDocument/documentSymbol shows) pairs with their own label and title, and how
// many expected quoted people the speakers list finds (by name, and by name and role), how many
// sections the outline of the fixed text pairs (fix-all moves a displaced label above its title), and how
// many annotated figures are recognised: exactly (text, kind, value, unit, approx, norm, low/high, where it
// stands) on the article's truth, and by joined text and kind on each extraction (as
// test/unit/figures.corpus.test.ts counts them).

import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadCore } from './load-core.mjs';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const options = { dir: undefined, out: undefined, spacing: 'forbid', off: [], scorerArgs: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--out') options.out = argv[++i];
    else if (arg === '--spacing') options.spacing = argv[++i];
    else if (arg === '--off') options.off.push(argv[++i]);
    else if (arg === '--per-file') options.scorerArgs.push(arg);
    else if (arg === '--only' || arg === '--json') options.scorerArgs.push(arg, argv[++i]);
    else if (!options.dir && !arg.startsWith('--')) options.dir = arg;
    else throw new Error(`unknown argument ${arg}`);
  }
  if (!options.dir) throw new Error('usage: npm run eval -- DIR [--out OUT] [--spacing forbid] [--off RULE-ID] [--per-file] [--only RE]');
  options.out ??= path.join(ROOT, 'eval-out', path.basename(path.resolve(options.dir)));
  return options;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const core = await loadCore();
  for (const id of options.off) if (!core.ruleById(id)) throw new Error(`--off: no rule ${id}`);
  const settings = core.mergeSettings({ cjkLatinSpacing: options.spacing, rules: Object.fromEntries(options.off.map((id) => [id, 'off'])) });
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
  reportOutline(core, settings, options.dir, options.out, ids);
  const scorer = path.join(ROOT, 'scripts', 'corpus-score.mjs');
  const result = spawnSync(process.execPath, [scorer, '--truth', options.dir, '--fixed', options.out, ...options.scorerArgs], {
    stdio: 'inherit',
  });
  process.exit(result.status ?? 1);
}

/** The article id of an extraction id (nt001-mu -> nt001). */
function articleOf(id) {
  return id.replace(/-[a-z]+$/, '');
}

/** How many of `wanted` (strings) occur in `found`, each found item used once. */
function matched(wanted, found) {
  const pool = new Map();
  for (const key of found) pool.set(key, (pool.get(key) ?? 0) + 1);
  let hits = 0;
  for (const key of wanted) {
    const left = pool.get(key) ?? 0;
    if (left > 0) {
      hits++;
      pool.set(key, left - 1);
    }
  }
  return hits;
}

function percent(part, whole) {
  return whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)} %`;
}

/** Sections paired right and people found, over every extraction of an article with an expect.json. */
function reportOutline(core, settings, dir, out, ids) {
  const sections = { hit: 0, all: 0 };
  const fixedSections = { hit: 0, all: 0 };
  const people = { hit: 0, named: 0, all: 0 };
  const figures = { truth: 0, truthAll: 0, extra: 0, extracted: 0, extractedAll: 0 };
  const truthRead = new Set();
  const misses = [];
  for (const id of ids) {
    const expectFile = path.join(dir, `${articleOf(id)}.expect.json`);
    if (!fs.existsSync(expectFile)) continue;
    const expected = JSON.parse(fs.readFileSync(expectFile, 'utf8'));
    if (expected.figures) {
      // The truth once per article (its first pair's), every extraction by joined text and kind.
      if (!truthRead.has(articleOf(id))) {
        truthRead.add(articleOf(id));
        const truth = figuresInTruth(core, settings, fs.readFileSync(path.join(dir, `${id}.truth.txt`), 'utf8'), expected.figures);
        figures.truth += truth.exact;
        figures.truthAll += expected.figures.length;
        figures.extra += truth.extra;
        if (truth.exact < expected.figures.length) misses.push(`${articleOf(id)}: figures ${truth.exact}/${expected.figures.length}`);
      }
      const found = core.analyze(fs.readFileSync(path.join(dir, `${id}.extracted.txt`), 'utf8'), settings).figures;
      figures.extracted += matched(expected.figures.map((f) => `${f.text} ${f.kind}`), found.map((f) => `${f.text} ${f.kind}`));
      figures.extractedAll += expected.figures.length;
    }
    const analysis = core.analyze(fs.readFileSync(path.join(dir, `${id}.extracted.txt`), 'utf8'), settings);
    const rowsOf = (outline) =>
      outline
        .filter((entry) => entry.kind === 'section' || (entry.kind === 'heading' && expected.scope !== 'labelled'))
        .map((entry) => `${entry.label ?? ''}|${entry.title ?? ''}`);
    const wanted = expected.outline.map(({ label, title }) => `${label}|${title}`);
    const hit = matched(wanted, rowsOf(analysis.outline));
    sections.hit += hit;
    sections.all += wanted.length;
    if (hit < wanted.length) misses.push(`${id}: sections ${hit}/${wanted.length}`);
    const fixed = core.analyze(fs.readFileSync(path.join(out, `${id}.fixed.txt`), 'utf8'), settings);
    fixedSections.hit += matched(wanted, rowsOf(fixed.outline));
    fixedSections.all += wanted.length;
    const speakers = analysis.speakers;
    const wantedPeople = expected.speakers;
    people.all += wantedPeople.length;
    people.named += matched(wantedPeople.map((p) => p.name), speakers.map((p) => p.name));
    const bothHit = matched(wantedPeople.map((p) => `${p.name}|${p.role}`), speakers.map((p) => `${p.name}|${p.role}`));
    people.hit += bothHit;
    if (bothHit < wantedPeople.length) misses.push(`${id}: people ${bothHit}/${wantedPeople.length}`);
  }
  if (sections.all + people.all + figures.truthAll === 0) return;
  console.log(`sections paired with their own label and title: ${sections.hit}/${sections.all} (${percent(sections.hit, sections.all)})`);
  console.log(`  in the fixed text: ${fixedSections.hit}/${fixedSections.all} (${percent(fixedSections.hit, fixedSections.all)})`);
  console.log(
    `quoted people found: ${people.named}/${people.all} by name (${percent(people.named, people.all)}), ` +
      `${people.hit}/${people.all} with their role (${percent(people.hit, people.all)})`,
  );
  if (figures.truthAll > 0) {
    console.log(
      `figures as annotated: ${figures.truth}/${figures.truthAll} exact in the truth (${percent(figures.truth, figures.truthAll)}, ` +
        `${figures.extra} not annotated), ${figures.extracted}/${figures.extractedAll} by text and kind in the extractions (${percent(figures.extracted, figures.extractedAll)})`,
    );
  }
  if (misses.length > 0) console.log(`  short of expected: ${misses.join('; ')}`);
}

/** Annotated figures (block: index of the truth's non-blank lines, pos: offset in it) found exactly where they stand. */
function figuresInTruth(core, settings, truth, annotated) {
  const figures = core.analyze(truth, settings).figures;
  const starts = [];
  let offset = 0;
  for (const line of truth.split('\n')) {
    if (line.trim()) starts.push(offset);
    offset += line.length + 1;
  }
  const same = (e, a) => (e === undefined || e === null ? a === undefined || a === null : typeof a === 'number' && Math.abs(e - a) <= 1e-6 * Math.max(1, Math.abs(e)));
  const used = new Set();
  let exact = 0;
  for (const e of annotated) {
    const start = starts[e.block] + e.pos;
    const f = figures.find((each) => each.ranges[0][0] === start);
    if (!f) continue;
    used.add(f);
    const fields = ['text', 'kind', 'unit', 'approx', 'norm'].every((k) => (e[k] ?? undefined) === (f[k] ?? undefined));
    const numbers = ['value', 'low', 'high'].every((k) => same(e[k], f[k]));
    if (fields && numbers && f.ranges[f.ranges.length - 1][1] === start + e.text.length) exact++;
  }
  return { exact, extra: figures.filter((f) => !used.has(f)).length };
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
