// The core's promises over corpus text mangled at random (scripts/fuzz/texts.mjs), through its one door
// (server/src/core/index.ts, bundled by scripts/load-core.mjs). A failure is shrunk and written to --out.
//
//   node scripts/fuzz/core.mjs [--seed N] [--cases N | --minutes M] [--out DIR] [--only a,b]
//
// Properties (each case runs all of them; `incremental` on one case in four):
//   ranges       every problem, fix edit, outline entry, fold, highlight and figure lies inside the text, on
//                UTF-16 code-unit boundaries that split no surrogate pair and no CRLF; a problem's edits do not
//                overlap
//   features     outline, speakers, figures, folds, highlights, figureAt and the quick fixes never throw
//   keeps        each problem's own fix, each quick fix (join a paragraph, fix a rule) and fix-all keep every
//                Han character, letter and digit in order (but for whole label lines moved above titles)
//   quickfix     applying a problem's own fix leaves no problem of that rule over the same text
//   edits        fixAllEdits applied to the text gives fixAll's text; Format Document gives it too
//   stable       fix-all is idempotent, and its result has no fixable problem left
//   regions      fix-all and the problems are the same at region lengths 500, 2,000 and whole
//   finished     fix-all of the text plus a last line （完） begins with the fix-all of the text
//   incremental  a sequence of edits, each analysed from the one before, answers as a fresh analysis

import fs from 'node:fs';
import path from 'node:path';
import { loadCore } from '../load-core.mjs';
import { applyEdits, caseText, essentials, keepsEssentials, mutate, random, realTexts, splitsPair } from './texts.mjs';
import { failureKind, shrink } from './shrink.mjs';
import { campaignOptions } from './options.mjs';

const args = campaignOptions(process.argv.slice(2), 200, {
  only: ['only', (value) => value.split(',')],
  'shrink-seconds': ['shrinkSeconds', Number],
});
args.shrinkSeconds ??= 90;
const core = await loadCore();
const { analyze, fixAll, fixAllEdits, formatArticle, quickFixes, ruleFixEdits, defaultSettings, mergeSettings } = core;

/** How many lines of text before the end a last line may change the fixed text of (column window, look-ahead). */
const FINISHED_REACH = 16;
/** Fewer lines of text than this, and the widths read over the whole document move with the last line. */
const FINISHED_MIN_LINES = 60;

const SETTINGS = [
  defaultSettings,
  mergeSettings({ cjkLatinSpacing: 'require', locale: 'zh-cn' }),
  mergeSettings({ cjkLatinSpacing: 'forbid' }),
  mergeSettings({ cjkLatinSpacing: 'forbid', parentheses: 'keep', quoteSpacing: 'keep', ellipsis: 'keep' }),
];

function check(ok, message) {
  if (!ok) throw new Error(message);
}

const within = (text, start, end, what) => {
  check(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length, `${what} outside the text: ${start}-${end} of ${text.length}`);
  check(!splitsPair(text, start) && !splitsPair(text, end), `${what} splits a surrogate pair: ${start}-${end}`);
  // No LSP position lies between the CR and LF of a line end: an editor would move the boundary.
  check(!splitsCrlf(text, start) && !splitsCrlf(text, end), `${what} splits a CRLF: ${start}-${end}`);
};
const splitsCrlf = (text, offset) => offset > 0 && text[offset - 1] === '\r' && text[offset] === '\n';

const PROPERTIES = {
  ranges(text, settings) {
    const analysis = analyze(text, settings);
    for (const problem of analysis.problems) {
      within(text, problem.start, problem.end, `${problem.ruleId} problem`);
      const edits = problem.fix ?? [];
      for (const edit of edits) within(text, edit.start, edit.end, `${problem.ruleId} fix edit`);
      applyEdits(text, edits);
      for (const related of problem.related ?? []) within(text, related.start, related.end, `${problem.ruleId} related location`);
    }
    for (const entry of analysis.outlineWithSpeakers('People')) {
      within(text, entry.start, entry.end, `outline ${entry.kind} range`);
      within(text, entry.selectionStart, entry.selectionEnd, `outline ${entry.kind} selection`);
      check(entry.start <= entry.selectionStart && entry.selectionEnd <= entry.end, `outline ${entry.kind} selection outside its range`);
    }
    const lines = analysis.model.lineIndex.lineCount;
    for (const fold of analysis.folds) check(fold.startLine >= 0 && fold.startLine < fold.endLine && fold.endLine < lines, `fold ${fold.startLine}-${fold.endLine} of ${lines} lines`);
    let previous = 0;
    for (const highlight of analysis.highlights) {
      within(text, highlight.start, highlight.end, `highlight ${highlight.kind}`);
      check(highlight.start >= previous && highlight.start < highlight.end, `highlights out of order at ${highlight.start}`);
      previous = highlight.end;
    }
    for (const figure of analysis.figures) for (const [start, end] of figure.ranges) within(text, start, end, 'figure range');
  },

  features(text, settings, rng) {
    const analysis = analyze(text, settings);
    void [analysis.speakers, analysis.outlineVersion('People'), analysis.fixableByRule(), analysis.problemCount];
    for (let i = 0; i < 8; i++) {
      const offset = rng.int(text.length + 3) - 1;
      const figure = analysis.figureAt(offset);
      if (figure) {
        core.describeFigure(figure, analysis.model, settings.locale);
        core.figureSummary?.(figure, settings.locale);
      }
    }
    const problems = analysis.problems;
    const refs = Array.from({ length: Math.min(problems.length, 40) }, () => rng.pick(problems)).map(({ ruleId, start, end }) => ({ ruleId, start, end }));
    refs.push({ ruleId: 'broken-line', start: text.length + 5, end: text.length + 9 }, { ruleId: 'nope', start: 0, end: 0 });
    const plan = quickFixes(analysis, refs);
    for (const { edits } of [...plan.fixes, ...plan.joins]) {
      for (const edit of edits) within(text, edit.start, edit.end, 'quick fix edit');
      applyEdits(text, edits);
    }
    for (const { forLine, forDocument } of plan.disables) {
      for (const edit of [forLine, forDocument].filter(Boolean)) {
        within(text, edit.start, edit.end, 'disable directive edit');
      }
    }
  },

  keeps(text, settings) {
    const analysis = analyze(text, settings);
    const problems = analysis.problems;
    for (const problem of problems.filter((p) => p.fix).slice(0, 60)) {
      check(keepsEssentials(text, applyEdits(text, problem.fix)), `the fix of ${problem.ruleId} drops or moves text`);
    }
    const refs = problems.slice(0, 200).map(({ ruleId, start, end }) => ({ ruleId, start, end }));
    const plan = quickFixes(analysis, refs);
    for (const join of plan.joins) check(keepsEssentials(text, applyEdits(text, join.edits)), 'joining a paragraph drops or moves text');
    for (const { ruleId } of plan.ruleFixes) check(keepsEssentials(text, applyEdits(text, ruleFixEdits(problems, ruleId))), `fixing every ${ruleId} drops or moves text`);
    check(keepsEssentials(text, fixAll(text, settings)), 'fix-all drops or moves text');
  },

  quickfix(text, settings) {
    const problems = analyze(text, settings).problems.filter((p) => p.fix && p.fix.length > 0);
    for (const problem of problems.slice(0, 25)) {
      const after = applyEdits(text, problem.fix);
      if (after === text) throw new Error(`the fix of ${problem.ruleId} changes nothing`);
      // Where the problem's text went: its start, moved by the edits before it.
      let shift = 0;
      for (const edit of problem.fix) if (edit.end <= problem.start) shift += edit.newText.length - (edit.end - edit.start);
      const start = problem.start + shift;
      const same = analyze(after, settings).problems.find((p) => p.ruleId === problem.ruleId && p.start === start && after.slice(p.start, p.end) === text.slice(problem.start, problem.end) && p.fix);
      check(!same, `the fix of ${problem.ruleId} leaves the same problem`);
    }
  },

  edits(text, settings) {
    const fixed = fixAll(text, settings);
    check(applyEdits(text, fixAllEdits(text, settings)) === fixed, 'fixAllEdits does not give the fixed text');
    check(formatArticle(text, settings) === fixed, 'Format Document differs from fix-all');
  },

  stable(text, settings) {
    const fixed = fixAll(text, settings);
    const again = fixAll(fixed, settings);
    check(again === fixed, 'fix-all is not idempotent');
    const left = analyze(fixed, settings).problems.filter((p) => p.fix && p.fix.length > 0);
    check(left.length === 0, `fix-all leaves a fixable problem: ${left[0]?.ruleId}`);
  },

  regions(text, settings) {
    const whole = analyze(text, settings, undefined, { regionLength: 1e9 });
    for (const regionLength of [500, 2000]) {
      const cut = analyze(text, settings, undefined, { regionLength });
      check(sameJson(cut.problems, whole.problems), `problems differ at region length ${regionLength}`);
      check(sameJson(cut.outlineWithSpeakers('P'), whole.outlineWithSpeakers('P')), `outline differs at region length ${regionLength}`);
      check(sameJson(cut.folds, whole.folds), `folds differ at region length ${regionLength}`);
      check(sameJson(cut.highlights, whole.highlights), `highlights differ at region length ${regionLength}`);
      check(sameJson(cut.figures, whole.figures), `figures differ at region length ${regionLength}`);
    }
    const fixed = fixAll(text, settings, undefined, { regionLength: 1e9 });
    check(fixAll(text, settings, undefined, { regionLength: 500 }) === fixed, 'fix-all differs at region length 500');
  },

  finished(text, settings) {
    // A line's break is decided reading the column around it (breaks/width.ts: 12 lines either side) and a
    // few lines ahead, and the document's facts are counts over every line: the last line added may change
    // the lines within reach of it, or flip a fact. Anything before that must stay as it was.
    // The last line typed with the text's own line ending (the one fix-all writes: a fact of the document).
    const eol = analyze(text, settings).model.eol;
    const base = /[\r\n]$/.test(text) ? text : text + eol;
    const fixed = fixAll(base, settings);
    const finished = fixAll(base + '（完）' + eol, settings);
    if (finished.startsWith(fixed.trimEnd())) return;
    // In a short text the document's body width (a median over its lines) moves with one line more.
    if (text.split(/\r\n|\r|\n/).filter((line) => line.trim().length > 0).length < FINISHED_MIN_LINES) return;
    if (!sameJson(analyze(base, settings).facts, analyze(base + '（完）' + eol, settings).facts)) return;
    let at = 0;
    while (at < fixed.length && fixed[at] === finished[at]) at++;
    const kept = essentials(fixed.slice(0, at)).length;
    // Counted in lines that hold text (fragments): the column window counts those.
    const lines = base.split(/\r\n|\r|\n/).filter((line) => line.trim().length > 0);
    let count = 0;
    let line = 0;
    while (line < lines.length && count + essentials(lines[line]).length <= kept) count += essentials(lines[line++]).length;
    const fromEnd = lines.length - line;
    check(fromEnd <= FINISHED_REACH, `fix-all before （完） changed ${fromEnd} lines from the end, at ${firstDifference(fixed, finished)}`);
  },

  incremental(text, settings, rng) {
    const regionLength = rng.pick([500, 2000, 4000]);
    let current = text;
    let analysis = analyze(current, settings, undefined, { regionLength });
    touch(analysis, rng);
    for (let step = 0; step < 6; step++) {
      current = rng.chance(0.7) ? smallEdit(rng, current) : mutate(rng, current);
      analysis = analyze(current, settings, analysis);
      if (rng.chance(0.5)) touch(analysis, rng);
    }
    const fresh = analyze(current, settings, undefined, { regionLength: 1e9 });
    check(sameJson(analysis.problems, fresh.problems), 'problems after edits differ from a fresh analysis');
    check(sameJson(analysis.outlineWithSpeakers('P'), fresh.outlineWithSpeakers('P')), 'outline after edits differs from a fresh analysis');
    check(sameJson(analysis.folds, fresh.folds), 'folds after edits differ from a fresh analysis');
    check(sameJson(analysis.highlights, fresh.highlights), 'highlights after edits differ from a fresh analysis');
    check(sameJson(analysis.figures, fresh.figures), 'figures after edits differ from a fresh analysis');
    check(sameJson(analysis.speakers, fresh.speakers), 'speakers after edits differ from a fresh analysis');
  },
};

/** Asks for some of what an editor asks after an edit, in a random order (what is kept must not depend on it). */
function touch(analysis, rng) {
  const asks = [() => analysis.problems, () => analysis.outlineWithSpeakers('P'), () => analysis.folds, () => analysis.highlights, () => analysis.figures, () => analysis.problemsNear(rng.int(1000), 50)];
  for (let i = 0; i < 3; i++) rng.pick(asks)();
}

/** An edit as typed: a character, a line end, a deletion, a paste of a few characters. */
function smallEdit(rng, text) {
  const at = rng.int(text.length + 1);
  const insert = rng.pick(['的', '\n', '\n\n', '。', '，', ' ', '', '', '信号二\n', '“', '1', '\r\n', '（完）\n']);
  const removed = rng.chance(0.5) ? 0 : rng.int(12);
  return text.slice(0, at) + insert + text.slice(Math.min(text.length, at + removed));
}

function sameJson(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `${i}: ${JSON.stringify(a.slice(Math.max(0, i - 30), i + 30))} vs ${JSON.stringify(b.slice(Math.max(0, i - 30), i + 30))}`;
}


// One rng per case (seeded from the campaign's seed and the case's number), so a case can be run again alone.
const reals = realTexts();
const names = Object.keys(PROPERTIES).filter((name) => !args.only || args.only.includes(name));
const deadline = Date.now() + args.minutes * 60_000;
const seen = new Map();
let cases = 0;
for (let n = 0; n < args.cases && Date.now() < deadline; n++) {
  const rng = random(args.seed * 1_000_003 + n);
  const text = caseText(rng, reals);
  const s = rng.int(SETTINGS.length);
  cases++;
  for (const name of names) {
    if (name === 'incremental' && n % 4 !== 0) continue;
    const propertySeed = args.seed * 7919 + n;
    const run = (candidate) => {
      try {
        PROPERTIES[name](candidate, SETTINGS[s], random(propertySeed));
        return undefined;
      } catch (error) {
        return failureKind(error);
      }
    };
    const kind = run(text);
    if (kind === undefined) continue;
    const key = `${name}: ${kind}`;
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    if (count > 1) continue;
    console.log(`case ${n} (seed ${args.seed}, settings ${s}) ${key}`);
    const small = await shrink(text, kind, async (candidate) => run(candidate), args.shrinkSeconds);
    fs.mkdirSync(args.out, { recursive: true });
    const file = path.join(args.out, `core-${name}-s${args.seed}-c${n}.json`);
    fs.writeFileSync(file, JSON.stringify({ property: name, kind, settings: s, seed: args.seed, case: n, text: small, original: text.length }, null, 1));
    console.log(`  shrunk to ${small.length} chars: ${JSON.stringify(small.slice(0, 300))} → ${file}`);
  }
  if (n % 50 === 49) console.log(`${n + 1} cases, ${seen.size} kinds of failure`);
}
console.log(`done: ${cases} cases (seed ${args.seed}), properties ${names.join(', ')}`);
for (const [key, count] of seen) console.log(`  ${count}× ${key}`);
process.exitCode = seen.size > 0 ? 1 : 0;
