// One large document analysed on the main thread and a worker (cli/src/shares.ts): the same output as on
// one thread, in every format, with the threshold lowered so that a small multi-region file is shared.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { lintFile, type FileOutcome, type LintOptions } from '../../cli/src/lintFile';
import { messagesFor } from '../../cli/src/messages';
import { fileJsonEntry, formatFileReport, formatPart, shownProblems, type FormattedPart, type Printed } from '../../cli/src/report';
import { analyzeShare, analyzeShared, defaultSettings, LineIndex, problemColumns, shareProblemColumns, type AnalysisOptions, type ProblemColumns } from '../../server/src/core';
import { largeArticle, ROOT, readFixture } from '../helpers';

// The worker runs the CLI bundle, as it does for a user (npm test builds it first).
const CLI = path.join(ROOT, 'dist', 'cli.js');

const OPTIONS: LintOptions = {
  fix: false,
  stdout: false,
  outline: false,
  figures: false,
  format: 'text',
  noConfig: false,
  locale: 'en',
  quiet: false,
};

/** What is printed, as one string (a long report comes in UTF-8 pieces, cut wherever its lines were formatted). */
function printedText(printed: Printed): string {
  return typeof printed === 'string' ? printed : Buffer.concat(printed).toString('utf8');
}

function withPrintedText(outcome: FileOutcome): unknown {
  return { ...outcome, printed: printedText(outcome.printed), jsonEntry: outcome.jsonEntry && printedText(outcome.jsonEntry) };
}

describe('CLI: a large document on the main thread and a worker', function () {
  this.timeout(120_000);
  let dir: string;
  let file: string;
  /** The same copies without the directive: every region's problems are shown as found. */
  let plain: string;

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'article-lint-shares-'));
    file = path.join(dir, 'large.article');
    const raw = readFixture('sample/sample.raw.article');
    // Some 60,000 characters (about fifteen regions), each copy's digits shifted; a directive in the second half.
    const copies = Array.from({ length: 7 }, (_, copy) => raw.replace(/[0-9]/g, (digit) => String((Number(digit) + copy) % 10)));
    plain = path.join(dir, 'plain.article');
    writeFileSync(plain, copies.join('\n'));
    copies.splice(5, 0, '<!-- article-lint-disable space-between-han -->\n');
    writeFileSync(file, copies.join('\n'));
  });

  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  for (const [name, options] of [
    ['text', OPTIONS],
    ['JSON', { ...OPTIONS, format: 'json' }],
    ['GitHub', { ...OPTIONS, format: 'github' }],
    ['--quiet, in Chinese', { ...OPTIONS, quiet: true, locale: 'zh-cn' }],
  ] as const) {
    it(`prints the same ${name} report as one thread, the worker's regions taken over`, () => {
      let received = 0;
      let formatted = -1;
      const shared = lintFile(file, { ...options, shares: { script: CLI, from: 0, received: (regions, parts) => ((received = regions), (formatted = parts)) } }, undefined);
      const alone = lintFile(file, options, undefined);
      assert.ok(received > 0, 'the worker analysed regions');
      // Its regions' lines are not formatted: with a directive in its share, the report takes none whole.
      assert.equal(formatted, 0);
      assert.deepEqual(shared, alone);
    });
  }

  for (const [name, options] of [
    ['text', OPTIONS],
    ['JSON', { ...OPTIONS, format: 'json' }],
    ['GitHub', { ...OPTIONS, format: 'github' }],
    ['--quiet, in Chinese', { ...OPTIONS, quiet: true, locale: 'zh-cn' }],
    ['--quiet JSON', { ...OPTIONS, quiet: true, format: 'json' }],
  ] as const) {
    it(`prints the same ${name} report as one thread with each thread's regions formatted where they were analysed`, () => {
      let formatted = 0;
      const shared = lintFile(plain, { ...options, shares: { script: CLI, from: 0, received: (_, parts) => (formatted = parts) } }, undefined);
      const alone = lintFile(plain, options, undefined);
      assert.ok(formatted > 0, 'the worker formatted its regions’ lines');
      assert.deepEqual(withPrintedText(shared), withPrintedText(alone));
    });
  }

  it('takes a region’s formatted lines in place of its problems’, with their counts', () => {
    // More than a few regions: their problems are kept as columns.
    const text = largeArticle(60_000);
    const options: AnalysisOptions = { placing: 'on-first-use', layouts: 'read-once', problemColumns };
    const own = analyzeShare(text, defaultSettings, { from: 0, to: Math.floor(text.length / 2) }, options);
    const analysis = analyzeShared(text, defaultSettings, own, [], options);
    const say = messagesFor('en');
    const sections = { outline: false, figures: false };
    const report = (formatted?: Map<ProblemColumns, FormattedPart>) => {
      const problems = shownProblems(analysis, false);
      return { printed: printedText(formatFileReport({ file: 'a.article', analysis, problems, formatted }, sections, say)), counts: problems.counts };
    };
    const asFound = report();
    // The second region's problems, formatted apart, are lines of the report; a part standing in for them is printed instead.
    const { offset, columns } = shareProblemColumns(own)[1];
    const lines = formatPart(columns, offset, 'text', 'a.article', LineIndex.of(text), false);
    assert.ok(lines.counts.warning > 0 && asFound.printed.includes(printedText(lines.printed)));
    const standIn = { offset, printed: 'STAND-IN\n', counts: { error: 0, warning: 1, information: 0, hint: 0, fixable: 0 } };
    const taken = report(new Map([[columns, standIn]]));
    assert.equal(taken.printed, asFound.printed.replace(printedText(lines.printed), 'STAND-IN\n'));
    assert.equal(taken.counts.warning, asFound.counts.warning - lines.counts.warning + 1);
    // Not where the part was formatted for another offset.
    assert.equal(report(new Map([[columns, { ...standIn, offset: offset + 1 }]])).printed, asFound.printed);
    // A JSON entry with the first region's items taken whole, or the second's, or both, is the entry made one by one.
    const entry = (formatted?: Map<ProblemColumns, FormattedPart>) =>
      printedText(fileJsonEntry({ file: 'a.article', analysis, problems: shownProblems(analysis, false), formatted }, sections));
    const parts = shareProblemColumns(own).slice(0, 2).map(({ offset, columns }) => [columns, formatPart(columns, offset, 'json', 'a.article', LineIndex.of(text), false)] as const);
    for (const taken of [[parts[0]], [parts[1]], parts]) assert.equal(entry(new Map(taken)), entry());
  });

  it('analyses the worker’s share itself when the worker dies after starting, and its error does not end the process', async () => {
    // A worker that says it started, then throws before answering (as one out of memory would die).
    const dying = path.join(dir, 'dying-worker.js');
    writeFileSync(dying, "const { workerData } = require('node:worker_threads');\nAtomics.store(workerData.state, 0, 1);\nAtomics.notify(workerData.state, 0);\nthrow new Error('died');\n");
    let received = -1;
    const shared = lintFile(file, { ...OPTIONS, shares: { script: dying, from: 0, answerWaitMs: 2_000, received: (regions) => (received = regions) } }, undefined);
    assert.equal(received, 0, 'no region came from the worker');
    assert.deepEqual(shared, lintFile(file, OPTIONS, undefined));
    // The worker's error reaches the event loop after the file is reported: the process goes on.
    await new Promise((resolve) => setTimeout(resolve, 200));
  });

  it('shares a file from ARTICLE_LINT_SHARED_FROM characters on, and --jobs 1 does not: the same output, status and standard error', () => {
    // Node writes a CPU profile per thread: how many threads ran the analysis.
    const threads = (profiles: string) => readdirSync(profiles).filter((name) => name.endsWith('.cpuprofile')).length;
    const run = (args: string[], profiles: string) =>
      spawnSync(process.execPath, [`--cpu-prof-dir=${profiles}`, '--cpu-prof', CLI, ...args], { env: { ...process.env, ARTICLE_LINT_SHARED_FROM: '1000' }, encoding: 'utf8' });
    const shared = run([file], path.join(dir, 'shared'));
    const alone = run(['--jobs', '1', file], path.join(dir, 'alone'));
    assert.equal(shared.status, 1);
    assert.deepEqual([threads(path.join(dir, 'shared')), threads(path.join(dir, 'alone'))], [2, 1]);
    assert.deepEqual([shared.stdout, shared.stderr, shared.status], [alone.stdout, alone.stderr, alone.status]);
    assert.ok(shared.stdout.split('\n').length > 1_000, 'the report lists the problems');
  });

  it('analyses a file on one thread when its bytes reach the threshold but its characters do not, starting no worker', () => {
    const text = readFileSync(plain, 'utf8');
    const bytes = Buffer.byteLength(text);
    assert.ok(bytes > text.length + 1);
    // The threads whose CPU profile shows a share analysed.
    const sharing = (profiles: string) =>
      readdirSync(profiles).filter((name) => {
        const profile = JSON.parse(readFileSync(path.join(profiles, name), 'utf8')) as { nodes: Array<{ callFrame: { functionName: string } }> };
        return profile.nodes.some((node) => node.callFrame.functionName === 'analyzeShare');
      }).length;
    const run = (args: string[], profiles: string, from = text.length + 1) =>
      spawnSync(process.execPath, [`--cpu-prof-dir=${profiles}`, '--cpu-prof', CLI, ...args], {
        env: { ...process.env, ARTICLE_LINT_SHARED_FROM: String(from) },
        encoding: 'utf8',
        timeout: 60_000,
      });
    const early = run([plain], path.join(dir, 'early'));
    const alone = run(['--jobs', '1', plain], path.join(dir, 'early-alone'));
    assert.deepEqual([early.stdout, early.stderr, early.status], [alone.stdout, alone.stderr, alone.status]);
    assert.equal(early.status, 1);
    assert.equal(sharing(path.join(dir, 'early')), 0);
    // Its characters counted before a worker was started: none was.
    assert.equal(readdirSync(path.join(dir, 'early')).length, 1, 'one thread profiled');
    // Where the characters reach it, both threads analyse a share.
    const shared = run([plain], path.join(dir, 'shared-at'), text.length);
    assert.equal(shared.stdout, alone.stdout);
    assert.equal(sharing(path.join(dir, 'shared-at')), 2);
  });
});
