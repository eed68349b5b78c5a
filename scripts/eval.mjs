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
// many expected quoted people the speakers list finds (by name, and by name and role), and how many
// sections the outline of the fixed text pairs (fix-all moves a displaced label above its title).

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
  const misses = [];
  for (const id of ids) {
    const expectFile = path.join(dir, `${articleOf(id)}.expect.json`);
    if (!fs.existsSync(expectFile)) continue;
    const expected = JSON.parse(fs.readFileSync(expectFile, 'utf8'));
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
  if (sections.all + people.all === 0) return;
  console.log(`sections paired with their own label and title: ${sections.hit}/${sections.all} (${percent(sections.hit, sections.all)})`);
  console.log(`  in the fixed text: ${fixedSections.hit}/${fixedSections.all} (${percent(fixedSections.hit, fixedSections.all)})`);
  console.log(
    `quoted people found: ${people.named}/${people.all} by name (${percent(people.named, people.all)}), ` +
      `${people.hit}/${people.all} with their role (${percent(people.hit, people.all)})`,
  );
  if (misses.length > 0) console.log(`  short of expected: ${misses.join('; ')}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
