// Files read ahead of their turn (cli/src/files.ts ReadAhead): what it hands over, and that a file read
// ahead is linted to the same outcome as one read in its turn. Outcomes, never timings.

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ReadAhead } from '../../cli/src/files';
import { lintFile, type LintOptions } from '../../cli/src/lintFile';
import { readFixture } from '../helpers';

const OPTIONS: LintOptions = { fix: false, stdout: false, outline: false, figures: false, format: 'text', noConfig: false, locale: 'en', quiet: false };

describe('CLI: files read ahead of their turn', () => {
  let dir: string;
  let files: string[];

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'article-lint-ahead-'));
    const at = (name: string) => path.join(dir, name);
    writeFileSync(at('a-text.article'), readFixture('sample/sample.raw.article'));
    writeFileSync(at('b-bom.article'), '\uFEFF标题\n\n正文。\n');
    writeFileSync(at('c-bad.article'), Buffer.from([0x61, 0xff, 0xfe, 0x0a]));
    writeFileSync(at('d-nul.article'), 'ab\0c\n');
    writeFileSync(at('e-empty.article'), '');
    mkdirSync(at('f-folder.article'));
    // Larger than what is read ahead: read in its turn.
    writeFileSync(at('g-large.article'), '标题\n\n正文。\n'.repeat(100_000));
    mkdirSync(at('short'));
    writeFileSync(at('short/.article-lint.json'), '{ "maxDocumentLength": 10 }');
    writeFileSync(at('short/h-too-long.article'), '标题\n\n正文正文正文正文。\n');
    files = ['a-text.article', 'b-bom.article', 'c-bad.article', 'd-nul.article', 'e-empty.article', 'f-folder.article', 'g-large.article', 'missing.article', 'short/h-too-long.article'].map(at);
    if (process.platform !== 'win32') {
      execFileSync('mkfifo', [at('i-fifo.article')]);
      files.push(at('i-fifo.article'));
    }
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('hands over the whole bytes of a regular file of up to 1 MB, and nothing for anything else', async () => {
    const ahead = new ReadAhead(files, 3);
    const given: Array<Buffer | undefined> = [];
    for (let i = 0; i < files.length; i++) given.push(await ahead.take(i));
    files.forEach((file, i) => {
      const name = path.basename(file);
      if (/^[a-e]-/.test(name) || name === 'h-too-long.article') assert.ok(given[i]?.equals(readFileSync(file)), name);
      else assert.equal(given[i], undefined, name);
    });
  });

  it('lints a file read ahead to the same outcome as one read in its turn: text, BOM, not UTF-8, NUL, too long', async () => {
    const ahead = new ReadAhead(files);
    for (let i = 0; i < files.length; i++) {
      const bytes = await ahead.take(i);
      assert.deepEqual(lintFile(files[i], OPTIONS, undefined, undefined, bytes), lintFile(files[i], OPTIONS, undefined), path.basename(files[i]));
    }
  });
});
