// Whole-process comparison of the article-lint CLI with AutoCorrect's CLI (issue 16): what a newsroom's CI
// pays, start-up, reading, output and all. Two works, each timed as the median of several runs of a fresh
// process, the two tools alternating so that a change in the machine's load hits both:
// - a batch of about a thousand extracted articles in one folder (the corpus extractions, copied as many
//   times as needed), and
// - one 10 MB extraction (the sample repeated with variation).
// Both tools lint and print their report to /dev/null; neither fixes. AutoCorrect is told by a
// .autocorrectrc in the folder to read `.article` files as text.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { corpusFiles, MB, repeatedSample, ROOT } from './texts.mjs';
import { toolPath } from './tools.mjs';

/** The batch size of issue 16. */
export const BATCH_FILES = 1_071;

const AUTOCORRECT_RC = 'fileTypes:\n  article: text\n';

/**
 * Builds the batch in a new folder under `workDir`: the corpus extractions, in order, copied round until
 * BATCH_FILES files (each copy a file of its own name). Undefined when the corpus is missing.
 */
export function buildBatch(workDir) {
  const sources = corpusFiles();
  if (!sources) return undefined;
  const dir = path.join(workDir, 'batch');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, '.autocorrectrc'), AUTOCORRECT_RC);
  let bytes = 0;
  for (let i = 0; i < BATCH_FILES; i++) {
    const source = sources[i % sources.length];
    const copy = Math.floor(i / sources.length);
    const name = `${String(i).padStart(4, '0')}-${path.basename(source, '.extracted.txt')}-${copy}.article`;
    fs.copyFileSync(source, path.join(dir, name));
    bytes += fs.statSync(source).size;
  }
  return { dir, files: BATCH_FILES, bytes, sources: sources.length };
}

/** One 10 MB extraction in a folder of its own (with the .autocorrectrc). */
export function buildLargeFile(workDir, size = 10 * MB) {
  const dir = path.join(workDir, 'large');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, '.autocorrectrc'), AUTOCORRECT_RC);
  const file = path.join(dir, 'large.article');
  fs.writeFileSync(file, repeatedSample(size, 'raw'));
  return { dir, file, chars: size, bytes: fs.statSync(file).size };
}

/** Milliseconds of one whole run of `args` with `node`, its output thrown away; fails on a crash. */
function timeProcess(args, cwd) {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 24 });
  const ms = performance.now() - started;
  // article-lint exits 1 when it found problems; AutoCorrect exits 0 or 1 likewise.
  if (result.status === null || result.status > 1) {
    throw new Error(`${args.join(' ')} failed (${result.status ?? result.signal}): ${result.stderr.toString().slice(0, 500)}`);
  }
  return ms;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Runs each command `runs` times, alternating, after one untimed run of each (the file cache warm for
 * both); returns each one's median and all its times.
 */
export function compare(commands, runs) {
  const times = commands.map(() => []);
  for (let run = -1; run < runs; run++) {
    commands.forEach((command, i) => {
      const ms = timeProcess(command.args, command.cwd);
      if (run >= 0) times[i].push(ms);
    });
  }
  return commands.map((command, i) => ({ name: command.name, median: median(times[i]), times: times[i] }));
}

export const articleLintCli = path.join(ROOT, 'dist', 'cli.js');
export const autocorrectCli = () => path.join(toolPath('autocorrect-node'), 'cli.js');

/**
 * Prints the side-by-side table. `runs` per command (median); `large` also runs the 10 MB file.
 */
export function benchCli({ print, progress, fmt, mark, runs = 5, large = true }) {
  if (!fs.existsSync(articleLintCli)) throw new Error('dist/cli.js is missing: run npm run build first');
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lint-bench-cli-'));
  const loadBefore = os.loadavg()[0];
  try {
    print('## Whole process: article-lint CLI against AutoCorrect CLI (issue 16)');
    print();
    print(`Fresh process each run, report to /dev/null, median of ${runs} runs (the tools alternating, after one untimed run each). AutoCorrect: \`autocorrect --lint FOLDER\` with a .autocorrectrc reading \`.article\` as text; article-lint: \`article-lint FOLDER\`.`);
    print();
    print('| Work | article-lint | AutoCorrect CLI | Speed ratio (AutoCorrect time / ours) | Target |');
    print('|---|---:|---:|---:|---|');
    const row = (label, ours, theirs) => {
      const ratio = theirs.median / ours.median;
      print(`| ${label} | ${fmt(ours.median / 1000, 2)} s | ${theirs ? `${fmt(theirs.median / 1000, 2)} s` : ''} | ${fmt(ratio, 2)}× | ≥ 1.5× ${mark(ratio >= 1.5)} |`);
    };
    const batch = buildBatch(workDir);
    if (!batch) {
      print('| batch | skipped: /work/shared/corpus (or ARTICLE_LINT_CORPUS) is missing | | | |');
    } else {
      progress(`cli batch (${batch.files} files, ${fmt(batch.bytes / MB, 1)} MB)`);
      const [ours, oursAuto, theirs] = compare(
        [
          { name: 'article-lint', args: [articleLintCli, batch.dir] },
          { name: 'article-lint --jobs auto', args: [articleLintCli, '--jobs', 'auto', batch.dir] },
          { name: 'autocorrect', args: [autocorrectCli(), '--lint', '.'], cwd: batch.dir },
        ],
        runs,
      );
      const label = `${batch.files.toLocaleString('en')} extracted articles (${fmt(batch.bytes / MB, 1)} MB, the ${batch.sources} corpus extractions copied round) in one folder`;
      row(label, ours, theirs);
      row(`the same, \`--jobs auto\` (${os.availableParallelism()} cores)`, oursAuto, theirs);
      progress(`cli batch: ours ${ours.times.map((t) => fmt(t, 0)).join(' ')} ms; --jobs auto ${oursAuto.times.map((t) => fmt(t, 0)).join(' ')} ms; AutoCorrect ${theirs.times.map((t) => fmt(t, 0)).join(' ')} ms`);
    }
    if (large) {
      const file = buildLargeFile(workDir);
      progress(`cli 10 MB (${fmt(file.bytes / MB, 1)} MB of UTF-8)`);
      const largeRuns = Math.max(1, Math.min(runs, 3));
      const [ours, theirs] = compare(
        [
          { name: 'article-lint', args: [articleLintCli, file.file] },
          { name: 'autocorrect', args: [autocorrectCli(), '--lint', '.'], cwd: file.dir },
        ],
        largeRuns,
      );
      row(`one extraction of ${file.chars.toLocaleString('en')} characters (the sample repeated with variation; median of ${largeRuns})`, ours, theirs);
      progress(`cli 10 MB: ours ${ours.times.map((t) => fmt(t, 0)).join(' ')} ms; AutoCorrect ${theirs.times.map((t) => fmt(t, 0)).join(' ')} ms`);
    }
    print();
    // On a shared machine the load says how far to trust the times.
    print(`Load average (1 min) at the start ${fmt(loadBefore, 1)}, at the end ${fmt(os.loadavg()[0], 1)}, on ${os.availableParallelism()} cores.`);
    print();
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}
