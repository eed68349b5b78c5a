// One measurement in a fresh process (clean heap, no cache from an earlier run), printed as JSON.
//   node child.mjs core CORE_BUNDLE SIZE KIND     full analysis of the repeated sample
//   node child.mjs core-corpus CORE_BUNDLE        full analysis of every corpus file
//   node child.mjs edit CORE_BUNDLE SIZE KIND N   one-character edits re-analysed from the previous analysis (count and shown problems)
//   node child.mjs autocorrect SIZE KIND | autocorrect-corpus
//   node child.mjs zhlint SIZE KIND

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { corpusTexts, repeatedSample } from './texts.mjs';
import { toolPath } from './tools.mjs';

const require = createRequire(import.meta.url);
const [mode, ...args] = process.argv.slice(2);

function fullAnalysis(core, text) {
  const started = performance.now();
  const analysis = core.analyze(text, core.defaultSettings);
  const parsed = performance.now();
  const problems = analysis.problems.length;
  const linted = performance.now();
  const outline = analysis.outline.length;
  const outlined = performance.now();
  const figures = analysis.figures.length;
  const done = performance.now();
  return {
    ms: done - started,
    parseMs: parsed - started,
    lintMs: linted - parsed,
    outlineMs: outlined - linted,
    figuresMs: done - outlined,
    problems,
    outline,
    figures,
  };
}

function warmUp(core) {
  const sample = repeatedSample(8_400);
  for (let i = 0; i < 5; i++) fullAnalysis(core, sample);
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p + 0.5))];
}

const modes = {
  core([bundle, size, kind]) {
    const core = require(bundle);
    warmUp(core);
    const text = repeatedSample(Number(size), kind);
    return { chars: text.length, ...fullAnalysis(core, text), rssMb: process.memoryUsage().rss / 1e6 };
  },
  'core-corpus'([bundle]) {
    const core = require(bundle);
    const texts = corpusTexts();
    if (!texts) return { missing: true };
    warmUp(core);
    let ms = 0;
    let chars = 0;
    for (const text of texts) {
      ms += fullAnalysis(core, text).ms;
      chars += text.length;
    }
    return { chars, ms, files: texts.length };
  },
  edit([bundle, size, kind, count]) {
    const core = require(bundle);
    warmUp(core);
    let text = repeatedSample(Number(size), kind);
    let analysis = core.analyze(text, core.defaultSettings);
    void analysis.problems;
    const times = [];
    for (let i = 0; i < Number(count); i++) {
      const at = Math.floor(((i * 7919) % 1000 / 1000) * text.length);
      text = text.slice(0, at) + (i % 2 ? '，' : '的') + text.slice(at);
      const started = performance.now();
      analysis = core.analyze(text, core.defaultSettings, analysis);
      // What the language server asks of each version: the count and the problems it shows (article.maxProblems).
      void analysis.problemCount;
      void analysis.problemsNear(at, core.defaultSettings.maxProblems);
      times.push(performance.now() - started);
    }
    return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
  },
  autocorrect([size, kind]) {
    const autocorrect = require(toolPath('autocorrect-node'));
    const text = repeatedSample(Number(size), kind);
    const started = performance.now();
    const result = autocorrect.lintFor(text, 'bench.txt');
    return { chars: text.length, ms: performance.now() - started, problems: result.lines.length };
  },
  'autocorrect-corpus'() {
    const autocorrect = require(toolPath('autocorrect-node'));
    const texts = corpusTexts();
    if (!texts) return { missing: true };
    let ms = 0;
    let chars = 0;
    for (const text of texts) {
      const started = performance.now();
      autocorrect.lintFor(text, 'bench.txt');
      ms += performance.now() - started;
      chars += text.length;
    }
    return { chars, ms, files: texts.length };
  },
  async zhlint([size, kind]) {
    const { run } = await import(pathToFileURL(path.join(toolPath('zhlint'), 'lib', 'index.js')).href);
    run(repeatedSample(2_000, kind));
    const text = repeatedSample(Number(size), kind);
    const started = performance.now();
    const result = run(text);
    return { chars: text.length, ms: performance.now() - started, problems: result.validations.length };
  },
};

const result = await modes[mode](args);
fs.writeSync(1, JSON.stringify(result) + '\n');
