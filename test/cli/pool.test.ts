// A batch shared by the main thread and worker threads (cli/src/pool.ts), and what --jobs auto chooses
// (cli/src/cli.ts autoJobs). Outcomes and their order, never timings.

import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { AUTO_PARALLEL_BYTES, autoJobs } from '../../cli/src/cli';
import { lintFile, RunSettings, type FileOutcome, type LintOptions } from '../../cli/src/lintFile';
import { lintInParallel } from '../../cli/src/pool';
import { ROOT, readFixture } from '../helpers';

// Workers run the CLI bundle, as they do for a user (npm test builds it first).
const CLI = path.join(ROOT, 'dist', 'cli.js');

const OPTIONS: LintOptions = {
  fix: false,
  stdout: false,
  outline: true,
  figures: true,
  format: 'text',
  noConfig: false,
  locale: 'en',
  quiet: false,
};

describe('CLI: a batch on the main thread and workers', () => {
  let dir: string;
  let files: string[];

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'article-lint-pool-'));
    const raw = readFixture('sample/sample.raw.article');
    files = Array.from({ length: 30 }, (_, i) => {
      const file = path.join(dir, `${String(i).padStart(2, '0')}.article`);
      writeFileSync(file, i % 4 === 0 ? raw : `标题${i}\n\n多边参与 、多方参与${i}。\n`);
      return file;
    });
    // One that cannot be read: its failure comes back in its turn, whoever linted it.
    files.splice(7, 0, path.join(dir, 'missing.article'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  for (const jobs of [2, 3]) {
    it(`gives every file's outcome in file order with ${jobs} jobs, each the same as linting it alone`, async () => {
      const alone = files.map((file) => lintFile(file, OPTIONS, undefined));
      const together: FileOutcome[] = [];
      await lintInParallel(CLI, files, OPTIONS, undefined, jobs, (outcome) => together.push(outcome), new RunSettings(OPTIONS, undefined));
      assert.deepEqual(
        together.map((outcome) => outcome.file),
        files,
      );
      assert.deepEqual(together, alone);
      assert.match(together[7].failure ?? '', /missing\.article/);
    });
  }
});

describe('CLI: --jobs auto', () => {
  let dir: string;
  const batch = (count: number, bytesEach: number) =>
    Array.from({ length: count }, (_, i) => {
      const file = path.join(dir, `${i}.article`);
      writeFileSync(file, '字'.repeat(Math.ceil(bytesEach / 3)));
      return file;
    });

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'article-lint-auto-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs a large batch in as many jobs as the idle cores keep busy, the main thread counted', () => {
    const files = batch(10, AUTO_PARALLEL_BYTES / 8);
    assert.equal(autoJobs(files, 4, 0.1), 2);
    assert.equal(autoJobs(files, 8, 3.2), 3);
    assert.equal(autoJobs(files, 8, 0), 5);
  });

  it('stays on the main thread alone for a small batch, few files, or a machine with too few idle cores for two jobs (two cores, even idle)', () => {
    assert.equal(autoJobs(batch(10, AUTO_PARALLEL_BYTES / 8), 2, 0), 1);
    assert.equal(autoJobs(batch(10, 1_000), 8, 0), 1);
    assert.equal(autoJobs(batch(3, AUTO_PARALLEL_BYTES), 8, 0), 1);
    const large = batch(10, AUTO_PARALLEL_BYTES / 8);
    assert.equal(autoJobs(large, 2, 0.8), 1);
    assert.equal(autoJobs(large, 2, 11), 1);
    assert.equal(autoJobs(large, 1, 0), 1);
  });
});
