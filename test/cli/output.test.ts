// How the CLI writes a batch's reports (cli/src/output.ts) and its JSON report file by file
// (cli/src/report.ts): the bytes are those of writing each text as it comes, and of one JSON.stringify.

import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { lintFile, type LintOptions } from '../../cli/src/lintFile';
import { BufferedOutput } from '../../cli/src/output';
import { analyze, mergeSettings } from '../../server/src/core';
import { fileJson, fileJsonEntry, JSON_REPORT_OPENING, jsonReportClosing, jsonReportEntry, shownProblems, type Printed } from '../../cli/src/report';
import { readFixture } from '../helpers';

function asText(printed: Printed): string {
  return typeof printed === 'string' ? printed : Buffer.concat(printed).toString('utf8');
}

function written(texts: ReadonlyArray<string | readonly Uint8Array[]>, flushAfter: ReadonlySet<number> = new Set()): { bytes: Buffer; writes: Uint8Array[] } {
  const writes: Uint8Array[] = [];
  const output = new BufferedOutput((bytes) => writes.push(bytes));
  texts.forEach((text, i) => {
    output.add(text);
    if (flushAfter.has(i)) output.flush();
  });
  output.flush();
  return { bytes: Buffer.concat(writes), writes };
}

describe('CLI: buffered standard output', () => {
  it('writes the texts’ UTF-8 in order, across buffer boundaries, Han characters and surrogate pairs included', () => {
    const texts = Array.from({ length: 5_000 }, (_, i) => `a.article:${i}:1  warning  “的好”${'𠀀'.repeat(i % 3)}  [broken-line]\n`);
    const { bytes, writes } = written(texts);
    assert.ok(writes.length > 1, 'more than one buffer was written');
    assert.deepEqual(bytes, Buffer.from(texts.join(''), 'utf8'));
  });

  it('writes a text larger than its buffer whole, after what came before it', () => {
    const large = '标题\n'.repeat(100_000);
    const { bytes } = written(['before\n', large, 'after\n']);
    assert.deepEqual(bytes, Buffer.from(`before\n${large}after\n`, 'utf8'));
  });

  it('writes what it gathered when flushed, and never hands over a buffer it writes to again', () => {
    const { writes } = written(['one\n', 'two\n', '', 'three\n'], new Set([0]));
    assert.deepEqual(writes.map((bytes) => Buffer.from(bytes).toString('utf8')), ['one\n', 'two\nthree\n']);
  });

  it('writes a long report’s large pieces as they are, in order with what it gathered around them', () => {
    const large = new TextEncoder().encode('标题\n'.repeat(10_000));
    const small = new TextEncoder().encode('正文\n');
    const { bytes, writes } = written(['before\n', [small, large, small], 'after\n']);
    assert.deepEqual(bytes, Buffer.from(`before\n正文\n${'标题\n'.repeat(10_000)}正文\nafter\n`, 'utf8'));
    assert.equal(writes.length, 3);
    assert.equal(writes[1], large, 'the piece itself, not a copy');
  });
});

describe('CLI: a long report', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'article-lint-output-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('comes in UTF-8 pieces that read as one line per problem, as the JSON report states them', () => {
    const file = path.join(dir, 'long.article');
    writeFileSync(file, readFixture('sample/sample.raw.article').repeat(20));
    const options: LintOptions = { fix: false, stdout: false, outline: false, figures: false, format: 'text', noConfig: true, locale: 'en', quiet: false };
    const text = lintFile(file, options, undefined).printed;
    const json = JSON.parse(asText(lintFile(file, { ...options, format: 'json' }, undefined).jsonEntry!)) as {
      problems: Array<{ line: number; column: number; severity: string; message: string; ruleId: string }>;
    };
    assert.ok(typeof text !== 'string' && text.length > 1, 'the report came in pieces');
    const lines = json.problems.map((p) => `${file}:${p.line}:${p.column}  ${p.severity}  ${p.message}  [${p.ruleId}]\n`);
    assert.equal(Buffer.concat(text).toString('utf8'), lines.join(''));
    assert.deepEqual(written(['before\n', text, 'after\n']).bytes, Buffer.from(`before\n${lines.join('')}after\n`, 'utf8'));
  });
});

describe('CLI: a file’s entry in the JSON report, built a slice of problems at a time', () => {
  const settings = mergeSettings(undefined, { locale: 'en' });
  const raw = readFixture('sample/sample.raw.article');

  it('is its entry serialized whole, byte for byte, for no problems, a few, and thousands, with and without the outline and figures', () => {
    for (const text of ['', '标题\n\n正文。\n', raw, raw.repeat(20)]) {
      const analysis = analyze(text, settings);
      const report = { file: 'a/“b”.article', analysis, problems: shownProblems(analysis, false) };
      if (text.length > raw.length) assert.ok(analysis.problems.length > 1_000, 'problems enough for several slices');
      for (const sections of [{ outline: false, figures: false }, { outline: true, figures: true }]) {
        assert.equal(asText(fileJsonEntry(report, sections)), jsonReportEntry(fileJson(report, sections)));
      }
    }
  });
});

describe('CLI: the JSON report written file by file', () => {
  const entries = [
    { file: 'a.article', problems: [{ ruleId: 'broken-line', message: 'join “的好”\n(97% sure)', line: 1, fixable: true }] },
    { file: 'b.article', problems: [], outline: [{ name: '标题', children: [] }] },
  ];

  const pieces = (files: readonly unknown[], rest: { fixed?: string[]; failed: unknown[] }) =>
    JSON_REPORT_OPENING + files.map((entry, i) => (i > 0 ? ',' : '') + jsonReportEntry(entry)).join('') + jsonReportClosing(files.length, rest);

  it('is JSON.stringify(report, null, 2) byte for byte, with and without files, fixed and failed', () => {
    const failed = [{ file: 'c.article', message: 'c.article: not UTF-8' }];
    for (const files of [entries, entries.slice(0, 1), []]) {
      for (const rest of [{ failed: [] }, { failed }, { fixed: ['a.article'], failed }, { fixed: [], failed: [] }]) {
        assert.equal(pieces(files, rest), `${JSON.stringify({ files, ...rest }, null, 2)}\n`);
      }
    }
  });
});

describe('CLI: the problems a report shows, counted', () => {
  const settings = mergeSettings(undefined, { locale: 'en' });
  const raw = readFixture('sample/sample.raw.article');

  it('are counted in the pass that reports them, each problem made once, and as a pass of their own would count them', () => {
    const analysis = analyze(raw, settings);
    for (const quiet of [false, true]) {
      const expected = { error: 0, warning: 0, information: 0, hint: 0, fixable: 0 };
      analysis.problems.forEach((problem) => {
        if (quiet && problem.severity !== 'warning' && problem.severity !== 'error') return;
        expected[problem.severity]++;
        if (problem.fix) expected.fixable++;
      });
      let passes = 0;
      const counted = { ...analysis, forEachProblem: (visit: Parameters<typeof analysis.forEachProblem>[0]) => (passes++, analysis.forEachProblem(visit)) };
      const shown = shownProblems(counted, quiet);
      let seen = 0;
      shown.forEach(() => seen++);
      assert.deepEqual(shown.counts, expected);
      assert.equal(seen, expected.error + expected.warning + expected.information + expected.hint);
      assert.equal(passes, 1);
      // Counted before any pass: one pass of their own.
      assert.deepEqual(shownProblems(counted, quiet).counts, expected);
    }
  });
});
