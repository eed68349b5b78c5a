#!/usr/bin/env node
// npm run bench [-- --quick] [-- --cli] [-- --out FILE]: speed, latency and memory of article-lint against
// AutoCorrect and zhlint, printed as Markdown tables with the targets of issues 8 and 16. Every throughput
// figure comes from a fresh process (AutoCorrect's lintFor returns nothing after its first large call in a
// long-lived one). --quick skips the 10 MB runs (AutoCorrect alone needs most of a minute there); --cli
// runs only the whole-process comparison of the two CLIs (scripts/bench/cli.mjs).

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { benchCli } from './cli.mjs';
import { BenchServer, percentile, timeRuns } from './lsp.mjs';
import { benchResponsiveness } from './responsive.mjs';
import { corpusTexts, MB, repeatedSample, ROOT } from './texts.mjs';
import { ensureBenchTools } from './tools.mjs';

const quick = process.argv.includes('--quick');
const cliOnly = process.argv.includes('--cli');
/** One-character edits over LSP: untimed first, then timed. */
const EDIT_WARM_UP = 5;
const EDIT_RUNS = 40;
/** Between one edit's diagnostics and the next edit: faster than anyone types, slower than a burst (30 ms). */
const EDIT_GAP_MS = 50;
/** Edits after each of which the outline of the new version is timed. */
const NEW_VERSION_OUTLINES = 10;
/** Edits after each of which the semantic tokens of the new version are timed (full, then delta). */
const NEW_VERSION_TOKENS = 20;
const outIndex = process.argv.indexOf('--out');
const outFile = outIndex > 0 ? process.argv[outIndex + 1] : undefined;
const lines = [];
const print = (line = '') => {
  lines.push(line);
  console.log(line);
};
const progress = (message) => process.stderr.write(`bench: ${message}\n`);

ensureBenchTools(progress);
const fmt = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
const mark = (ok) => (ok ? '✅' : '❌');
const machine = `Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, ${fmt(os.totalmem() / 1e9, 1)} GB, Node ${process.version}, ${os.platform()} ${os.release()}.`;
if (cliOnly) {
  print('# article-lint benchmark: whole process');
  print();
  print(machine);
  print();
  benchCli({ print, progress, fmt, mark, large: !quick });
  if (outFile) fs.writeFileSync(outFile, lines.join('\n') + '\n');
  process.exit(0);
}
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lint-bench-'));
const coreBundle = path.join(workDir, 'core.cjs');
await esbuild.build({
  entryPoints: [path.join(ROOT, 'server', 'src', 'core', 'index.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile: coreBundle,
  logLevel: 'warning',
});
if (!fs.existsSync(path.join(ROOT, 'dist', 'server.js'))) throw new Error('dist/server.js is missing: run npm run build first');

function child(...args) {
  const output = execFileSync(process.execPath, ['--max-old-space-size=4096', path.join(ROOT, 'scripts', 'bench', 'child.mjs'), ...args.map(String)], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(output.trim().split('\n').pop());
}

const rate = (chars, ms) => chars / (ms / 1000);
const mchars = (perSecond) => `${fmt(perSecond / 1e6, 2)} M/s`;

print('# article-lint benchmark');
print();
print(machine);
print('Texts: the sample article (raw extraction) repeated with variation (digits shifted, about one Han character in 23 swapped per copy).');
print();

// 0. Whole process, the two CLIs side by side (issue 16).
benchCli({ print, progress, fmt, mark, large: !quick });

// 1. Throughput against AutoCorrect and zhlint.
print('## Full analysis throughput (model + all rules + outline + figures)');
print();
print('| Text | Characters | article-lint | AutoCorrect lintFor | Ratio | Target |');
print('|---|---:|---:|---:|---:|---|');
const sizes = quick ? [MB] : [MB, 10 * MB];
for (const size of sizes) {
  progress(`throughput ${size / MB} MB`);
  const ours = child('core', coreBundle, size, 'raw');
  const theirs = child('autocorrect', size, 'raw');
  const ratio = rate(ours.chars, ours.ms) / rate(theirs.chars, theirs.ms);
  const target = size === 10 * MB ? `≥ 5× ${mark(ratio >= 5)}` : '';
  print(`| sample × ${size / MB} MB | ${ours.chars.toLocaleString('en')} | ${fmt(ours.ms, 0)} ms (${mchars(rate(ours.chars, ours.ms))}) | ${fmt(theirs.ms, 0)} ms (${mchars(rate(theirs.chars, theirs.ms))}) | ${fmt(ratio, 1)}× | ${target} |`);
}
const corpus = corpusTexts();
if (corpus) {
  progress('throughput corpus');
  const ours = child('core-corpus', coreBundle);
  const theirs = child('autocorrect-corpus');
  const ratio = rate(ours.chars, ours.ms) / rate(theirs.chars, theirs.ms);
  print(`| corpus (${ours.files} files) | ${ours.chars.toLocaleString('en')} | ${fmt(ours.ms, 0)} ms (${mchars(rate(ours.chars, ours.ms))}) | ${fmt(theirs.ms, 0)} ms (${mchars(rate(theirs.chars, theirs.ms))}) | ${fmt(ratio, 1)}× | |`);
} else {
  print('| corpus | – | skipped: /work/shared/corpus (or ARTICLE_LINT_CORPUS) is missing | | | |');
}
progress('zhlint');
const zhlintSize = 100_000;
const zhlint = child('zhlint', zhlintSize, 'raw');
const oursSmall = child('core', coreBundle, zhlintSize, 'raw');
print(`| sample × 100 KB vs zhlint run() | ${zhlint.chars.toLocaleString('en')} | ${fmt(oursSmall.ms, 0)} ms (${mchars(rate(oursSmall.chars, oursSmall.ms))}) | zhlint: ${fmt(zhlint.ms, 0)} ms (${mchars(rate(zhlint.chars, zhlint.ms))}) | ${fmt(rate(oursSmall.chars, oursSmall.ms) / rate(zhlint.chars, zhlint.ms), 0)}× | |`);
print();
print('article-lint is timed after a warm-up on the sample (a running server is warm); AutoCorrect (native) and zhlint in a fresh process each.');
print();

// 2. Growth.
print('## Time against size');
print();
print('Documents this large are analysed in regions, whose rules run as each region is parsed: Parse includes them, Rules is only their collection.');
print();
print('| Size | Parse | Rules | Outline | Figures | Total | Per MB | Resident |');
print('|---:|---:|---:|---:|---:|---:|---:|---:|');
const growth = [];
for (const size of quick ? [MB, 2 * MB] : [MB, 2 * MB, 4 * MB, 8 * MB]) {
  progress(`growth ${size / MB} MB`);
  const run = child('core', coreBundle, size, 'raw');
  growth.push(run);
  print(`| ${size / MB} MB | ${fmt(run.parseMs, 0)} ms | ${fmt(run.lintMs, 0)} ms | ${fmt(run.outlineMs, 0)} ms | ${fmt(run.figuresMs, 0)} ms | ${fmt(run.ms, 0)} ms | ${fmt(run.ms / (run.chars / MB), 0)} ms | ${fmt(run.rssMb, 0)} MB |`);
}
const perMb = growth.map((run) => run.ms / (run.chars / MB));
// Superlinear work shows as a larger time per MB at the largest size than at the smallest.
const growthFactor = perMb[perMb.length - 1] / perMb[0];
print();
print(`Growth: time per MB at ${sizesLabel(growth)} is ${fmt(growthFactor, 2)}× that at the smallest (target: linear, ≤ 1.5×) ${mark(growthFactor <= 1.5)}.`);
print();

// 3. Editing in the core.
progress('core edits');
const coreEdit = child('edit', coreBundle, MB, 'raw', 30);
const coreEditClean = child('edit', coreBundle, MB, 'fixed', 30);

// 4. Over LSP.
print('## Language server (dist/server.js --stdio), measured from the client');
print();
print('| Operation | Text | p50 | p95 | n | Target |');
print('|---|---|---:|---:|---:|---|');
/** One latency row; `limit` is the target for the p50 in milliseconds, when there is one. */
const row = (name, text, timing, limit) => {
  const target = limit === undefined ? '' : `≤ ${limit} ms p50 ${mark(timing.p50 <= limit)}`;
  print(`| ${name} | ${text} | ${fmt(timing.p50, 1)} ms | ${fmt(timing.p95, 1)} ms | ${timing.n ?? ''} | ${target} |`);
};

row('re-analysis after a one-character edit, count and the 1,000 problems shown (core, from the previous version)', '1 MB raw', { ...coreEdit, n: 30 }, 20);
row('re-analysis after a one-character edit, count and the 1,000 problems shown (core, from the previous version)', '1 MB clean', { ...coreEditClean, n: 30 }, 20);

const server = await BenchServer.start();
try {
  const sample = repeatedSample(8_400);
  progress('lsp open');
  row('didOpen → diagnostics', 'sample (8 KB)', await timeRuns(10, (i) => server.open(`file:///bench/sample${i}.article`, sample)));
  {
    const docId = { uri: 'file:///bench/sample-requests.article' };
    const sampleDiagnostics = await server.open('file:///bench/sample-requests.article', sample);
    const starts = lineStarts(sample);
    const spots = Array.from({ length: 200 }, (_, i) => positionOf(starts, Math.floor((((i * 104729) % 10007) / 10007) * sample.length)));
    row('hover', 'sample (8 KB)', await timeRuns(200, (i) => server.request('textDocument/hover', { textDocument: docId, position: spots[i] })), 2);
    row('documentSymbol', 'sample (8 KB)', await timeRuns(50, () => server.request('textDocument/documentSymbol', { textDocument: docId })), 5);
    const withFix = sampleDiagnostics.filter((d) => d.code !== 'lost-text');
    row('codeAction (quick fixes at a diagnostic)', 'sample (8 KB)', await timeRuns(50, (i) => {
      const diagnostic = withFix[(i * 7919) % withFix.length];
      return server.request('textDocument/codeAction', { textDocument: docId, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });
    }), 5);
  }
  for (let i = 0; i < 10; i++) await server.close(`file:///bench/sample${i}.article`);
  await server.close('file:///bench/sample-requests.article');
  for (const kind of ['raw', 'fixed']) {
    const text = repeatedSample(MB, kind);
    const label = `1 MB ${kind === 'raw' ? 'raw' : 'clean'}`;
    const uri = `file:///bench/${kind}.article`;
    const starts = lineStarts(text);
    let diagnostics = [];
    row('didOpen → diagnostics', label, await timeRuns(1, async () => (diagnostics = await server.open(uri, text))));
    // The editor's first outline of the document, its diagnostics in: the people quoted were read in the
    // analysis's steps (lsp/session.ts), the request builds the outline.
    row('first documentSymbol after open (its diagnostics in)', label, await timeRuns(1, () => server.request('textDocument/documentSymbol', { textDocument: { uri } })));
    progress(`lsp edits ${kind}`);
    let current = text;
    let version = 1;
    // Timed from sending the change to receiving its diagnostics (the client's own bookkeeping before),
    // after a few untimed edits: the server of someone typing has run its re-analysis path before.
    const editTimes = [];
    // Issue 16 counts every edit from the first after opening (the first ones paid for what the open left).
    const everyEditTimes = [];
    for (let i = -EDIT_WARM_UP; i < EDIT_RUNS; i++) {
      const at = Math.floor(((((i + EDIT_WARM_UP) * 7919) % 1000) / 1000) * current.length);
      const position = positionOf(starts, at);
      // Inserting inside a line keeps the line starts after the edit off by one character only.
      current = current.slice(0, at) + '的' + current.slice(at);
      for (let l = position.line + 1; l < starts.length; l++) starts[l]++;
      // A typist's pace: the server treats edits closer than 30 ms as one burst and waits for its end
      // (lsp/sessions.ts BURST_MS); this row times one edit's diagnostics, not that wait.
      await new Promise((resolve) => setTimeout(resolve, EDIT_GAP_MS));
      const started = performance.now();
      diagnostics = await server.change(uri, ++version, { start: position, end: position }, '的');
      const elapsed = performance.now() - started;
      everyEditTimes.push(elapsed);
      if (i >= 0) editTimes.push(elapsed);
    }
    const edits = { p50: percentile(editTimes, 0.5), p95: percentile(editTimes, 0.95), n: editTimes.length };
    row(`didChange (one character) → diagnostics (${diagnostics.length.toLocaleString('en')} diagnostics), after ${EDIT_WARM_UP} untimed edits`, label, edits, 20);
    const everyEdit = { p50: percentile(everyEditTimes, 0.5), p95: percentile(everyEditTimes, 0.95), n: everyEditTimes.length };
    row(`didChange (one character) → diagnostics, every edit from the first after opening (issue 16)`, label, everyEdit, 20);
    const docId = { uri };
    const spots = Array.from({ length: 200 }, (_, i) => positionOf(starts, Math.floor((((i * 104729) % 10007) / 10007) * current.length)));
    row('hover', label, await timeRuns(200, (i) => server.request('textDocument/hover', { textDocument: docId, position: spots[i] })), 2);
    row('documentSymbol', label, await timeRuns(20, () => server.request('textDocument/documentSymbol', { textDocument: docId })), 5);
    const withFix = diagnostics.filter((d) => d.code !== 'lost-text');
    const codeAction = await timeRuns(50, (i) => {
      const diagnostic = withFix[(i * 7919) % Math.max(1, withFix.length)];
      const range = diagnostic?.range ?? { start: spots[i], end: spots[i] };
      return server.request('textDocument/codeAction', {
        textDocument: docId,
        range,
        context: { diagnostics: diagnostic ? [diagnostic] : [], only: ['quickfix'] },
      });
    });
    row('codeAction (quick fixes at a diagnostic)', label, codeAction, 5);
    progress(`lsp formatting ${kind}`);
    row('formatting (fix all)', label, await timeRuns(3, () => server.request('textDocument/formatting', { textDocument: docId, options: { tabSize: 2, insertSpaces: true } })));
    // What the editor asks after each edit once the diagnostics are in: the outline of the new version,
    // built once per version (the documentSymbol row above asks again for one version, answered from it).
    progress(`lsp new-version outline ${kind}`);
    const newVersionSymbols = [];
    for (let i = 0; i < NEW_VERSION_OUTLINES; i++) {
      const at = Math.floor((((i * 6007) % 1000) / 1000) * current.length);
      const position = positionOf(starts, at);
      current = current.slice(0, at) + '的' + current.slice(at);
      for (let l = position.line + 1; l < starts.length; l++) starts[l]++;
      await new Promise((resolve) => setTimeout(resolve, EDIT_GAP_MS));
      await server.change(uri, ++version, { start: position, end: position }, '的');
      const started = performance.now();
      await server.request('textDocument/documentSymbol', { textDocument: docId });
      newVersionSymbols.push(performance.now() - started);
    }
    row('documentSymbol of a new version (after each one-character edit and its diagnostics)', label, { p50: percentile(newVersionSymbols, 0.5), p95: percentile(newVersionSymbols, 0.95), n: newVersionSymbols.length });
    // The semantic tokens VS Code asks for after each edit: every token, or (delta) the integers changed
    // since the answer it holds, named by its resultId.
    progress(`lsp new-version semantic tokens ${kind}`);
    let held = await server.request('textDocument/semanticTokens/full', { textDocument: docId });
    for (const delta of [false, true]) {
      const times = [];
      const sizes = [];
      for (let i = 0; i < NEW_VERSION_TOKENS; i++) {
        const at = Math.floor((((i * 4001 + (delta ? 500 : 0)) % 1000) / 1000) * current.length);
        const position = positionOf(starts, at);
        current = current.slice(0, at) + '的' + current.slice(at);
        for (let l = position.line + 1; l < starts.length; l++) starts[l]++;
        await new Promise((resolve) => setTimeout(resolve, EDIT_GAP_MS));
        await server.change(uri, ++version, { start: position, end: position }, '的');
        const started = performance.now();
        const answer = delta
          ? await server.request('textDocument/semanticTokens/full/delta', { textDocument: docId, previousResultId: held.resultId })
          : await server.request('textDocument/semanticTokens/full', { textDocument: docId });
        times.push(performance.now() - started);
        sizes.push(JSON.stringify(answer).length);
        held = answer;
      }
      const size = `answer ${fmt(percentile(sizes, 0.5) / 1000, percentile(sizes, 0.5) < 1000 ? 2 : 0)} KB`;
      const name = delta ? 'semanticTokens/full/delta of a new version, from the answer for the one before' : 'semanticTokens/full of a new version';
      row(`${name} (after each one-character edit and its diagnostics; ${size})`, label, { p50: percentile(times, 0.5), p95: percentile(times, 0.95), n: times.length });
    }
    await server.close(uri);
  }
  row('formatting (fix all)', 'sample (8 KB)', await (async () => {
    await server.open('file:///bench/format.article', sample);
    return timeRuns(10, () => server.request('textDocument/formatting', { textDocument: { uri: 'file:///bench/format.article' }, options: { tabSize: 2, insertSpaces: true } }));
  })());
  await server.close('file:///bench/format.article');
} finally {
  await server.stop();
}
print();

await benchResponsiveness({ print, progress, fmt, mark, quick });

// 5. Memory with a large document open (a fresh server each).
print('## Server memory');
print();
print('| Document open | didOpen → diagnostics | Diagnostics | Resident (idle server) | Resident after symbols | Resident, settled | Peak resident | Target |');
print('|---|---:|---:|---:|---:|---:|---:|---|');
for (const [size, kind] of quick ? [[2 * MB, 'fixed']] : [[10 * MB, 'fixed'], [2 * MB, 'raw']]) {
  progress(`lsp memory ${size / MB} MB ${kind}`);
  const memoryServer = await BenchServer.start();
  try {
    const baseline = memoryServer.memory();
    const text = repeatedSample(size, kind);
    const started = performance.now();
    const diagnostics = await memoryServer.open('file:///bench/large.article', text);
    const openMs = performance.now() - started;
    await memoryServer.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///bench/large.article' } });
    const loaded = memoryServer.memory();
    progress(`lsp memory ${size / MB} MB ${kind}: waiting for the server to settle`);
    const settled = await settledMemory(memoryServer);
    // Issue 8 asked ≤ 200 MB with 10 MB open (read once the idle server settled), issue 16 right after the first analysis.
    const target = size === 10 * MB ? `settled ≤ 200 MB ${mark(settled.rssMb <= 200)}; after symbols ≤ 200 MB (issue 16) ${mark(loaded.rssMb <= 200)}` : '';
    print(
      `| ${size / MB} MB ${kind === 'raw' ? 'raw' : 'clean'} | ${fmt(openMs, 0)} ms | ${diagnostics.length.toLocaleString('en')} | ${fmt(baseline.rssMb, 0)} MB | ${fmt(loaded.rssMb, 0)} MB | ${fmt(settled.rssMb, 0)} MB | ${fmt(settled.peakMb, 0)} MB | ${target} |`,
    );
  } finally {
    await memoryServer.stop();
  }
}
print();

if (outFile) fs.writeFileSync(outFile, lines.join('\n') + '\n');
fs.rmSync(workDir, { recursive: true, force: true });

/**
 * Resident memory once the idle server has settled: V8 gives back the pages a large analysis grew its heap
 * by only when its memory reducer runs, some 20 seconds into idleness. Polled for up to SETTLE_MS; the
 * lowest reading (the document is still open and its analysis kept).
 */
async function settledMemory(server) {
  // V8's memory reducer ran 20–120 s into idleness on this machine, later when other work loads it.
  const SETTLE_MS = 120_000;
  const POLL_MS = 2_500;
  let lowest = server.memory();
  for (let waited = 0; waited < SETTLE_MS; waited += POLL_MS) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const now = server.memory();
    if (now.rssMb < lowest.rssMb * 0.9) return now;
    if (now.rssMb < lowest.rssMb) lowest = now;
  }
  return lowest;
}

function sizesLabel(runs) {
  return `${Math.round(runs[runs.length - 1].chars / MB)} MB`;
}

function lineStarts(text) {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function positionOf(starts, offset) {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low, character: offset - starts[low] };
}
