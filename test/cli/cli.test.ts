// The CLI as a user runs it: the bundled dist/cli.js in a child process, on files in a temp folder.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ROOT, readFixture } from '../helpers';

const CLI = path.join(ROOT, 'dist', 'cli.js');

function run(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '', ...options.env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('article-lint CLI', () => {
  let dir: string;
  const write = (name: string, content: string | Buffer) => {
    const file = path.join(dir, name);
    writeFileSync(file, content);
    return file;
  };

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'article-lint-cli-'));
  });

  it('prints problems as file:line:col  severity  message  [rule-id] and exits 1', () => {
    const file = write('a.article', '标题\n\n习近平总书记指出， 国际网络空间治理应该坚持多边参与 、多方参与。\n');
    const { code, stdout } = run([file]);
    assert.equal(code, 1);
    const lines = stdout.trim().split('\n');
    assert.ok(lines.includes(`${file}:3:10  warning  Remove the space after “，”  [space-around-punctuation]`), stdout);
    assert.ok(lines.includes(`${file}:3:27  warning  Remove the space before “、”  [space-around-punctuation]`), stdout);
    assert.match(lines[lines.length - 1], /^2 problems in 1 file \(0 errors, 2 warnings, 0 information, 0 hints\); 2 fixable with --fix$/);
  });

  it('exits 0 on a clean article', () => {
    const file = write('clean.article', '标题\n\n这是一段干净的文字。\n');
    const { code, stdout } = run([file]);
    assert.equal(code, 0);
    assert.equal(stdout, 'No problems in 1 file.\n');
  });

  it('--fix rewrites the sample into the expected article', () => {
    const file = write('sample.article', readFixture('sample/sample.raw.article'));
    const { code } = run(['--fix', file]);
    assert.equal(readFileSync(file, 'utf8'), readFixture('sample/sample.fixed.article'));
    assert.equal(code, 0, 'nothing above a hint is left');
    assert.deepEqual(readdirSync(dir), ['sample.article'], 'no temporary file is left behind');
  });

  it('--fix keeps CRLF line endings and the BOM', () => {
    const crlf = (text: string) => text.replace(/\n/g, '\r\n');
    const file = write('crlf.article', '\uFEFF' + crlf(readFixture('sample/sample.raw.article')));
    run(['--fix', file]);
    assert.equal(readFileSync(file, 'utf8'), '\uFEFF' + crlf(readFixture('sample/sample.fixed.article')));
  });

  it('--fix --stdout prints the fixed text and leaves the file alone', () => {
    const original = '标题\n\n多边参与 、多方参与。\n';
    const file = write('b.article', original);
    const { stdout } = run(['--fix', '--stdout', file]);
    assert.equal(stdout, '标题\n\n多边参与、多方参与。\n');
    assert.equal(readFileSync(file, 'utf8'), original);
  });

  it('--format json gives positions, rule ids and fixability', () => {
    const file = write('c.article', '标题\n\n多边参与 、多方参与。\n');
    const { stdout, code } = run(['--format', 'json', file]);
    assert.equal(code, 1);
    const report = JSON.parse(stdout);
    assert.deepEqual(report.files[0].problems[0], {
      ruleId: 'space-around-punctuation',
      severity: 'warning',
      message: 'Remove the space before “、”',
      line: 3,
      column: 5,
      endLine: 3,
      endColumn: 6,
      fixable: true,
    });
  });

  it('--format github prints a GitHub Actions annotation per problem, escaping what the runner reads', () => {
    const file = write('a,b.article', '标题\n\n多边参与 、多方参与。\n');
    const { stdout, code } = run(['--format', 'github', file]);
    assert.equal(code, 1);
    const lines = stdout.trim().split('\n');
    const escapedFile = file.replace(/:/g, '%3A').replace(/,/g, '%2C');
    assert.equal(
      lines[0],
      `::warning file=${escapedFile},line=3,col=5,endLine=3,endColumn=6,title=article-lint(space-around-punctuation)::Remove the space before “、”`,
    );
    // Hints are notices; the summary line stays last.
    const hint = run(['--format', 'github', write('h.article', '\n\n标题\n\n正文。\n')]).stdout.split('\n')[0];
    assert.match(hint, /^::notice file=.*title=article-lint\(block-spacing\)::/);
    assert.match(lines[lines.length - 1], /^1 problem in 1 file/);
  });

  it('--outline prints the sample outline with its signals', () => {
    const file = write('sample.article', readFixture('sample/sample.raw.article'));
    const { stdout } = run(['--outline', '--quiet', file]);
    assert.match(stdout, /Outline: .*sample\.article\n {2}全国网络安全和信息化工作会议释放六大重要信号 {2}\(2\)\n/);
    assert.match(stdout, /\n {4}信号六 {2}推进全球互联网治理体系变革 {2}\(\d+\)\n/);
  });

  it('--figures lists the figures of the sample', () => {
    const file = write('sample.article', readFixture('sample/sample.raw.article'));
    const { stdout } = run(['--figures', '--quiet', file]);
    assert.match(stdout, /Figures: /);
    assert.match(stdout, /27\.2万亿元/);
    assert.match(stdout, /7\.72亿/);
  });

  it('reads .article-lint.json from the file’s folder upward, and --config instead of it', () => {
    const nested = path.join(dir, 'desk', 'today');
    mkdirSync(nested, { recursive: true });
    write('.article-lint.json', JSON.stringify({ rules: { 'space-around-punctuation': 'off' } }));
    const file = path.join(nested, 'd.article');
    writeFileSync(file, '标题\n\n多边参与 、多方参与。\n');
    assert.equal(run([file]).code, 0);
    const strict = write('strict.json', JSON.stringify({ rules: { 'space-around-punctuation': 'error' } }));
    const { code, stdout } = run(['--config', strict, file]);
    assert.equal(code, 1);
    assert.match(stdout, / error {2}Remove the space before “、” {2}\[space-around-punctuation\]/);
  });

  it('warns once per settings file about what it ignores, and applies the rest', () => {
    const config = write('.article-lint.json', JSON.stringify({ rules: { 'brokn-word': 'off', 'space-around-punctuation': 'off' } }));
    write('f.article', '标题\n\n多边参与 、多方参与。\n');
    write('g.article', '标题\n\n多边参与 、多方参与。\n');
    const { code, stdout, stderr } = run([dir]);
    assert.equal(code, 0, stdout);
    assert.equal(stderr, `article-lint: warning: ${config}: unknown rule "brokn-word" (did you mean "broken-word"?)\n`);
  });

  it('speaks Chinese with --locale zh-cn or a Chinese LANG', () => {
    const file = write('e.article', '标题\n\n多边参与 、多方参与。\n');
    assert.match(run(['--locale', 'zh-cn', file]).stdout, /删除“、”前的空格/);
    assert.match(run([file], { env: { LANG: 'zh_CN.UTF-8' } }).stdout, /删除“、”前的空格/);
  });

  it('lints every .article file in a folder', () => {
    write('one.article', '标题\n\n多边参与 、多方参与。\n');
    write('two.article', '标题\n\n干净。\n');
    write('ignored.txt', '多边参与 、\n');
    const { stdout } = run([dir]);
    assert.match(stdout, /1 problem in 2 files/);
  });

  it('lints a batch on worker threads (--jobs) exactly as one at a time, in file order, fixes included', () => {
    const raw = readFixture('sample/sample.raw.article');
    const names = Array.from({ length: 12 }, (_, i) => `${String(i).padStart(2, '0')}.article`);
    names.forEach((name, i) => write(name, i % 3 === 0 ? raw : `标题${i}\n\n多边参与 、多方参与${i}。\n`));
    for (const format of ['text', 'json', 'github']) {
      const parallel = run(['--jobs', '3', '--format', format, dir]);
      const serial = run(['--format', format, dir]);
      assert.equal(parallel.code, 1);
      assert.equal(parallel.stdout, serial.stdout, format);
    }
    const order = run(['--jobs', '3', dir]).stdout.split('\n').filter((line) => line.includes('.article:')).map((line) => path.basename(line.split(':')[0]));
    assert.deepEqual([...new Set(order)], names);
    assert.equal(run(['--jobs', 'auto', '--fix', dir]).code, 0);
    assert.equal(readFileSync(path.join(dir, names[0]), 'utf8'), readFixture('sample/sample.fixed.article'));
    assert.equal(readFileSync(path.join(dir, names[1]), 'utf8'), '标题1\n\n多边参与、多方参与1。\n');
  });

  it('stops a parallel batch at an unreadable file with its one-line reason', () => {
    for (let i = 0; i < 10; i++) write(`${i}.article`, `标题\n\n正文${i}。\n`);
    write('5b.article', Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    const { code, stderr } = run(['--jobs', '2', dir]);
    assert.equal(code, 2);
    assert.match(stderr, /^article-lint: .*5b\.article: (not UTF-8 text|binary file \(contains NUL bytes\))\n$/);
  });

  for (const [name, args, reason] of [
    ['a missing file', ['/no/such/file.article'], /^article-lint: \/no\/such\/file\.article: cannot read \(no such file\)\n$/],
    ['an unknown option', ['--frobnicate', 'x'], /^article-lint: Unknown option '--frobnicate'/],
    ['no files', [], /^article-lint: no input files \(try --help\)\n$/],
    ['a bad --format', ['--format', 'xml', 'x'], /^article-lint: unknown --format "xml" \(use text, json or github\)/],
    ['a bad --jobs', ['--jobs', '0', 'x'], /^article-lint: --jobs wants auto or a whole number of at least 1, not "0"\n$/],
  ] as const) {
    it(`exits 2 with a one-line reason on ${name}`, () => {
      const { code, stderr, stdout } = run([...args]);
      assert.equal(code, 2);
      assert.match(stderr, reason);
      assert.equal(stderr.trim().split('\n').length, 1);
      assert.equal(stdout, '');
    });
  }

  it('exits 2 on binary, non-UTF-8 input and on a broken config file', () => {
    const binary = write('bin.article', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    const binaryRun = run([binary]);
    assert.equal(binaryRun.code, 2);
    assert.match(binaryRun.stderr, /not UTF-8 text|binary file/);
    const latin1 = write('latin1.article', Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    assert.match(run([latin1]).stderr, /not UTF-8 text\n$/);
    const broken = write('broken.json', '{ rules: ');
    const brokenRun = run(['--config', broken, binary]);
    assert.equal(brokenRun.code, 2);
    assert.match(brokenRun.stderr, /broken\.json: invalid JSON/);
  });
});
