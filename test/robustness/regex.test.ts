// Every regular expression of the core against adversarial 1 MB inputs: none may backtrack its way
// past a second. The patterns are found two ways, so a new one cannot slip by: every regex literal in
// server/src/core (read with the TypeScript parser), and every regex the core runs while analysing,
// linting and fixing the fixtures (caught at RegExp.prototype.exec, which covers `new RegExp(...)`).

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import * as ts from 'typescript';
import { analyze, defaultSettings, fixAll, mergeSettings } from '../../server/src/core';
import { describeFigure } from '../../server/src/core/figureText';
import { FIXTURES, ROOT } from '../helpers';

const CORE = path.join(ROOT, 'server', 'src', 'core');
const SIZE = 1_000_000;
/** Linear patterns take a few milliseconds here; backtracking ones take minutes. */
const LIMIT_MS = 1000;
/** How long the worker may go without finishing a pattern before it is stopped. */
const STALL_MS = 30_000;

interface Pattern {
  readonly source: string;
  readonly flags: string;
  readonly where: string;
}

function filesUnder(dir: string, suffix: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full, suffix);
    return entry.name.endsWith(suffix) ? [full] : [];
  });
}

function literalPatterns(): Pattern[] {
  const patterns: Pattern[] = [];
  for (const file of filesUnder(CORE, '.ts')) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(source);
        const slash = text.lastIndexOf('/');
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        patterns.push({ source: text.slice(1, slash), flags: text.slice(slash + 1), where: `${path.relative(ROOT, file)}:${line}` });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return patterns;
}

/** Regexes the core runs on the fixtures, however they were built. */
function patternsInUse(): Pattern[] {
  const seen = new Map<string, Pattern>();
  const original = RegExp.prototype.exec;
  RegExp.prototype.exec = function (this: RegExp, input: string) {
    const key = `${this.flags}/${this.source}`;
    if (!seen.has(key)) seen.set(key, { source: this.source, flags: this.flags, where: 'in use' });
    return original.call(this, input);
  };
  try {
    const texts = filesUnder(FIXTURES, '.article').map((file) => fs.readFileSync(file, 'utf8'));
    for (const settings of [defaultSettings, mergeSettings({ cjkLatinSpacing: 'require', locale: 'zh-cn' })]) {
      for (const text of texts) {
        const analysis = analyze(text, settings);
        void [analysis.problems, analysis.outline, analysis.speakers];
        for (const figure of analysis.figures) describeFigure(figure, analysis.model, settings.locale);
        fixAll(text, settings);
      }
    }
  } finally {
    RegExp.prototype.exec = original;
  }
  return [...seen.values()];
}

function distinct(patterns: readonly Pattern[]): Pattern[] {
  const byKey = new Map<string, Pattern>();
  for (const pattern of patterns) {
    const key = `${pattern.flags}/${pattern.source}`;
    if (!byKey.has(key) || byKey.get(key)!.where === 'in use') byKey.set(key, pattern);
  }
  return [...byKey.values()];
}

function runInWorker(patterns: readonly Pattern[]): Promise<Array<Pattern & { slowest: number; slowestInput: string }>> {
  return new Promise((resolve, reject) => {
    const results: Array<Pattern & { slowest: number; slowestInput: string }> = [];
    const worker = new Worker(path.join(__dirname, 'regexWorker.cjs'), { workerData: { patterns, size: SIZE } });
    let timer: NodeJS.Timeout;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const stuck = patterns[results.length];
        void worker.terminate();
        reject(new Error(`pattern /${stuck.source}/${stuck.flags} (${stuck.where}) ran over ${STALL_MS} ms on a 1 MB input`));
      }, STALL_MS);
    };
    arm();
    worker.on('message', (message) => {
      if (message.done) {
        clearTimeout(timer);
        void worker.terminate();
        resolve(results);
      } else {
        results.push(message);
        arm();
      }
    });
    worker.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

describe('robustness: regular expressions against adversarial input', function () {
  this.timeout(240_000);

  it('finds the core’s patterns both in the source and in use', () => {
    const literals = literalPatterns();
    const inUse = patternsInUse();
    assert.ok(literals.length >= 20, `only ${literals.length} regex literals found`);
    assert.ok(inUse.length >= 10, `only ${inUse.length} patterns seen in use`);
  });

  it(`matches every pattern over 1 MB inputs built from its own characters in under ${LIMIT_MS} ms`, async () => {
    const patterns = distinct([...literalPatterns(), ...patternsInUse()]);
    const results = await runInWorker(patterns);
    assert.equal(results.length, patterns.length);
    const slow = results.filter((result) => result.slowest > LIMIT_MS);
    assert.deepEqual(
      slow.map((result) => `/${result.source}/${result.flags} (${result.where}): ${Math.round(result.slowest)} ms on ${result.slowestInput}`),
      [],
    );
  });
});
