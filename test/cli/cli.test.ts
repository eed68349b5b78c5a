// The CLI as a user runs it: the bundled dist/cli.js in a child process, on files in a temp folder.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, linkSync, lstatSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CompilerBudget } from '../../cli/src/compiler';
import { ROOT, readFixture } from '../helpers';
import { article, LABELS, TITLES } from '../labelPlacements';

const CLI = path.join(ROOT, 'dist', 'cli.js');

function run(args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string | Buffer; as?: string[]; cli?: string } = {}) {
  // `as`: a command that runs the CLI as another user (setpriv …), for the permission tests.
  const [command, ...prefix] = options.as ? [...options.as, process.execPath] : [process.execPath];
  const result = spawnSync(command, [...prefix, options.cli ?? CLI, ...args], {
    cwd: options.cwd,
    encoding: 'utf8',
    input: options.input,
    timeout: 60_000,
    env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '', ...options.env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const SPACED = '标题\n\n多边参与 、多方参与。\n';
const FIXED = '标题\n\n多边参与、多方参与。\n';

/**
 * How to run the CLI as an ordinary user: as ourselves when we are not root; as nobody through setpriv
 * when we are root (root may write any file, so read-only refusals can only be seen as someone else).
 */
function asOrdinaryUser(): { as?: string[]; uid: number } | undefined {
  if (process.getuid?.() !== 0) return { uid: process.getuid?.() ?? -1 };
  if (spawnSync('setpriv', ['--version']).status !== 0) return undefined;
  return { as: ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'], uid: 65534 };
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

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints problems as file:line:col  severity  message  [rule-id] and exits 1', () => {
    const file = write('a.article', '标题\n\n习近平总书记指出， 国际网络空间治理应该坚持多边参与 、多方参与。\n');
    const { code, stdout } = run([file]);
    assert.equal(code, 1);
    const lines = stdout.trim().split('\n');
    assert.ok(lines.includes(`${file}:3:10  warning  Remove the space after “，”  [space-around-punctuation]`), stdout);
    assert.ok(lines.includes(`${file}:3:27  warning  Remove the space before “、”  [space-around-punctuation]`), stdout);
    assert.equal(lines[lines.length - 1], '2 problems in 1 file (0 errors, 2 warnings, 0 information, 0 hints); 2 fixable with --fix.');
  });

  it('sets only V8 flags this Node knows (v8.setFlagsFromString would ignore an unknown one)', () => {
    for (const flag of CompilerBudget.flags) {
      const result = spawnSync(process.execPath, [flag, '-e', '0'], { encoding: 'utf8' });
      assert.equal(result.status, 0, `${flag}: ${result.stderr}`);
    }
    assert.equal(spawnSync(process.execPath, ['--max-inlined-bytecode-size-cumulativ=150', '-e', '0']).status, 9, 'a misspelt flag is refused');
  });

  it('exits 0 on a clean article', () => {
    const file = write('clean.article', '标题\n\n这是一段干净的文字。\n');
    const { code, stdout } = run([file]);
    assert.equal(code, 0);
    assert.equal(stdout, 'No problems in 1 file.\n');
  });

  it('counts in right English plurals, and --exit-zero exits 0 on warnings', () => {
    const file = write('one.article', SPACED);
    assert.equal(run([file]).stdout.split('\n').at(-2), '1 problem in 1 file (0 errors, 1 warning, 0 information, 0 hints); 1 fixable with --fix.');
    write('two.article', '标题\n\n多边参与 、多方参与 、多方参与。\n');
    assert.equal(run([dir]).stdout.split('\n').at(-2), '3 problems in 2 files (0 errors, 3 warnings, 0 information, 0 hints); 3 fixable with --fix.');
    const zero = run(['--exit-zero', file]);
    assert.equal(zero.code, 0);
    assert.match(zero.stdout, /1 problem in 1 file/);
    assert.equal(run(['--exit-zero', path.join(dir, 'missing.article')]).code, 2, 'bad input still fails');
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

  it('reports labels printed at the end of the page, and --fix moves each above its title', () => {
    const file = write('labels.article', article('end'));
    const { code, stdout } = run([file]);
    assert.equal(code, 1);
    const reported = stdout.split('\n').filter((line) => line.endsWith('[displaced-label]'));
    assert.deepEqual(
      reported.map((line) => line.slice(file.length + 1, line.indexOf('  '))),
      LABELS.map((_, i) => `${article('end').split('\n').indexOf(LABELS[i]) + 1}:1`),
    );
    assert.equal(run(['--fix', file]).code, 0);
    const fixed = readFileSync(file, 'utf8');
    LABELS.forEach((label, i) => assert.ok(fixed.includes(`\n${label}\n\n${TITLES[i]}\n`), `${label} above ${TITLES[i]}`));
    assert.equal(run([file]).code, 0, 'nothing left to report');
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

  for (const jobs of ['1', '2']) {
    it(`finishes a batch with unreadable files under --jobs ${jobs}: every other file fixed, each bad one reported, exit 2`, () => {
      const names = Array.from({ length: 10 }, (_, i) => `${i}.article`);
      for (const name of names) write(name, SPACED);
      write('3b.article', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
      write('6b.article', Buffer.from([0x63, 0x61, 0x66, 0xe9]));
      const { code, stdout, stderr } = run(['--jobs', jobs, '--fix', dir]);
      assert.equal(code, 2);
      for (const name of names) assert.equal(readFileSync(path.join(dir, name), 'utf8'), FIXED, name);
      assert.equal(
        stderr,
        `article-lint: ${path.join(dir, '3b.article')}: not UTF-8 text\narticle-lint: ${path.join(dir, '6b.article')}: not UTF-8 text\n`,
      );
      assert.equal(stdout, 'No problems in 10 files; 10 files fixed; 2 files skipped.\n');
      // The same batch again under JSON: nothing left to fix, the skipped files listed.
      for (const name of names.slice(0, 2)) write(name, SPACED);
      const json = JSON.parse(run(['--jobs', jobs, '--fix', '--format', 'json', dir]).stdout);
      assert.deepEqual(json.fixed, [path.join(dir, '0.article'), path.join(dir, '1.article')]);
      assert.deepEqual(json.failed.map((failure: { file: string }) => path.basename(failure.file)), ['3b.article', '6b.article']);
      assert.equal(json.files.length, 10);
    });
  }

  it('gives the same output, errors and files for --jobs 1 and --jobs 2 on a batch with a bad file', () => {
    const outcomes = [];
    for (const jobs of ['1', '2']) {
      for (let i = 0; i < 12; i++) write(`${String(i).padStart(2, '0')}.article`, i % 4 === 0 ? SPACED : `标题${i}\n\n多边参与 、多方参与${i} 。\n`);
      write('05x.article', Buffer.from([0x00, 0x01, 0x02]));
      const result = run(['--jobs', jobs, '--fix', dir]);
      const files = readdirSync(dir).sort().map((name) => [name, readFileSync(path.join(dir, name), 'latin1')]);
      outcomes.push({ ...result, files });
    }
    assert.equal(outcomes[0].code, 2);
    assert.match(outcomes[0].stderr, /05x\.article: binary file \(contains NUL bytes\)\n$/);
    assert.deepEqual(outcomes[1], outcomes[0]);
  });

  describe('--fix writes as an editor would', () => {
    it('writes through a symbolic link to the real file and keeps the link', () => {
      mkdirSync(path.join(dir, 'real'));
      const real = write('real/a.article', SPACED);
      const link = path.join(dir, 'link.article');
      symlinkSync(path.join('real', 'a.article'), link);
      const { code, stdout } = run(['--fix', link]);
      assert.equal(code, 0);
      assert.equal(stdout, 'No problems in 1 file; 1 file fixed.\n');
      assert.ok(lstatSync(link).isSymbolicLink(), 'the link is still a link');
      assert.equal(readFileSync(real, 'utf8'), FIXED);
      assert.deepEqual(readdirSync(dir).sort(), ['link.article', 'real']);
      assert.deepEqual(readdirSync(path.join(dir, 'real')), ['a.article'], 'no temporary file left');
    });

    it('keeps the file’s mode, and its owner when root fixes someone else’s file', () => {
      const file = write('a.article', SPACED);
      chmodSync(file, 0o640);
      const root = process.getuid?.() === 0;
      if (root) chownSync(file, 65534, 65534);
      const before = statSync(file);
      run(['--fix', file]);
      const after = statSync(file);
      assert.equal(readFileSync(file, 'utf8'), FIXED);
      assert.equal(after.mode & 0o7777, 0o640);
      assert.equal(after.uid, before.uid);
      assert.equal(after.gid, before.gid);
      assert.notEqual(after.ino, before.ino, 'written atomically: a new file renamed over the old one');
    });

    it('gives a hard-linked file a fixed copy of its own: the other name keeps the old text', () => {
      const file = write('a.article', SPACED);
      const other = path.join(dir, 'other.article');
      linkSync(file, other);
      assert.equal(run(['--fix', file]).code, 0);
      assert.equal(readFileSync(file, 'utf8'), FIXED);
      assert.equal(readFileSync(other, 'utf8'), SPACED);
    });

    it('refuses a file the user may not write, and a read-only folder, saying why, and fixes the rest', function () {
      const user = asOrdinaryUser();
      if (!user) {
        // Root without setpriv: root may write anything, so the refusal cannot be shown; say so in the output.
        this.test!.title += ' (not shown: root without setpriv)';
        return;
      }
      // desk/ the user may write in (a read-only file and a writable one); locked/ not (a writable file).
      chmodSync(dir, 0o755);
      const desk = path.join(dir, 'desk');
      const locked = path.join(dir, 'locked');
      mkdirSync(desk);
      mkdirSync(locked);
      const readOnly = write('desk/ro.article', SPACED);
      const writable = write('desk/ok.article', SPACED);
      const inLocked = write('locked/a.article', SPACED);
      if (user.uid !== process.getuid?.()) for (const file of [desk, locked, readOnly, writable, inLocked]) chownSync(file, user.uid, user.uid);
      chmodSync(readOnly, 0o444);
      chmodSync(locked, 0o555);
      // The bundle needs nothing beside it: a copy in the temporary folder is one the other user can read
      // wherever the repository is.
      const cli = path.join(dir, 'cli.js');
      writeFileSync(cli, readFileSync(CLI));
      chmodSync(cli, 0o644);
      const { code, stdout, stderr } = run(['--fix', readOnly, inLocked, writable], { as: user.as, cli, cwd: dir });
      chmodSync(locked, 0o755);
      assert.equal(code, 2);
      assert.equal(
        stderr,
        `article-lint: ${readOnly}: not fixed: you may not write this file (read-only)\n` +
          `article-lint: ${inLocked}: not fixed: cannot write (permission denied)\n`,
      );
      assert.equal(readFileSync(readOnly, 'utf8'), SPACED);
      assert.equal(readFileSync(inLocked, 'utf8'), SPACED);
      assert.equal(readFileSync(writable, 'utf8'), FIXED);
      assert.match(stdout, /ro\.article:3:5 {2}warning {2}Remove the space before “、”/, 'the unfixed file is still linted');
      assert.match(stdout, /2 problems in 3 files \(0 errors, 2 warnings, 0 information, 0 hints\); 1 file fixed; 2 files not fixed\.\n$/);
      assert.deepEqual(readdirSync(locked), ['a.article']);
    });
  });

  describe('bounded input', () => {
    it('refuses a device and a FIFO at once, with the reason', () => {
      const started = Date.now();
      const device = run(['/dev/zero']);
      assert.equal(device.code, 2);
      assert.equal(device.stderr, 'article-lint: /dev/zero: is a device, not a file (use - to read standard input)\n');
      const fifo = path.join(dir, 'pipe.article');
      assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
      const piped = run([fifo]);
      assert.equal(piped.code, 2);
      assert.equal(piped.stderr, `article-lint: ${fifo}: is a named pipe (FIFO), not a file (use - to read standard input)\n`);
      assert.ok(Date.now() - started < 20_000);
    });

    it('refuses a file too large for maxDocumentLength without reading it', () => {
      // A sparse file of 4 GB: reading it would take seconds and gigabytes; its size alone says no.
      const huge = path.join(dir, 'huge.article');
      assert.equal(spawnSync('truncate', ['-s', '4G', huge]).status, 0);
      const { code, stderr } = run([huge]);
      assert.equal(code, 2);
      assert.equal(stderr, `article-lint: ${huge}: more than maxDocumentLength (20000000 characters)\n`);
    });

    it('reads standard input under the same limit', () => {
      write('.article-lint.json', JSON.stringify({ maxDocumentLength: 100 }));
      const small = run(['-'], { cwd: dir, input: SPACED });
      assert.equal(small.code, 1);
      assert.match(small.stdout, /^-:3:5 {2}warning/);
      const large = run(['-'], { cwd: dir, input: Buffer.alloc(100_000, 'a') });
      assert.equal(large.code, 2);
      assert.equal(large.stderr, 'article-lint: -: more than maxDocumentLength (100 characters)\n');
      const justOver = run(['-'], { cwd: dir, input: 'a'.repeat(101) });
      assert.equal(justOver.stderr, 'article-lint: -: 101 characters is more than maxDocumentLength (100)\n');
    });
  });

  describe('both languages', () => {
    it('says everything in Chinese under --locale zh-cn: problems, summary, errors', () => {
      const file = write('a.article', SPACED);
      write('bad.article', Buffer.from([0xe9]));
      const { code, stdout, stderr } = run(['--locale', 'zh-cn', file, path.join(dir, 'bad.article'), path.join(dir, 'missing.article')]);
      assert.equal(code, 2);
      assert.equal(
        stdout,
        `${file}:3:5  warning  删除“、”前的空格  [space-around-punctuation]\n` +
          '1 个文件中有 1 个问题（错误 0，警告 1，信息 0，提示 0）；其中 1 个可用 --fix 修正；跳过 2 个文件。\n',
      );
      assert.equal(
        stderr,
        `article-lint: ${path.join(dir, 'bad.article')}：不是 UTF-8 文本\narticle-lint: ${path.join(dir, 'missing.article')}：无法读取（没有这个文件）\n`,
      );
      assert.equal(run(['--locale', 'zh-cn', '--fix', file]).stdout, '1 个文件中没有问题；修正了 1 个文件。\n');
    });

    it('takes Chinese from LC_ALL, LC_MESSAGES or LANG, in that order', () => {
      const file = write('a.article', SPACED);
      assert.match(run([file], { env: { LANG: 'zh_CN.UTF-8' } }).stdout, /1 个文件中有 1 个问题/);
      assert.match(run([file], { env: { LANG: 'en_US.UTF-8', LC_ALL: 'zh_CN.UTF-8' } }).stdout, /删除“、”前的空格/);
      assert.match(run([file], { env: { LANG: 'zh_CN.UTF-8', LC_ALL: 'C' } }).stdout, /1 problem in 1 file/);
      assert.match(run(['--locale', 'en', file], { env: { LANG: 'zh_CN.UTF-8' } }).stdout, /Remove the space before/);
    });

    it('prints usage and usage errors in Chinese', () => {
      const help = run(['--locale', 'zh-cn', '--help']);
      assert.equal(help.code, 0);
      assert.match(help.stdout, /^用法：article-lint \[选项\]/);
      assert.match(help.stdout, /退出码：/);
      assert.doesNotMatch(help.stdout, /Options:|Exit status/);
      const unknown = run(['--frobnicate', 'x'], { env: { LANG: 'zh_CN.UTF-8' } });
      assert.equal(unknown.stderr, 'article-lint: 未知选项 --frobnicate（见 --help）\n');
      assert.equal(run(['--locale', 'zh-cn', '--format']).stderr, 'article-lint: --format 需要一个值（见 --help）\n');
      assert.equal(run(['--locale=zh-cn']).stderr, 'article-lint: 没有输入文件（见 --help）\n');
    });

    it('refuses an unknown locale', () => {
      const { code, stderr, stdout } = run(['--locale', 'klingon', 'x.article']);
      assert.equal(code, 2);
      assert.equal(stderr, 'article-lint: unknown --locale "klingon" (use en or zh-cn)\n');
      assert.equal(stdout, '');
    });
  });

  for (const [name, args, reason] of [
    ['a missing file', ['/no/such/file.article'], /^article-lint: \/no\/such\/file\.article: cannot read \(no such file\)\n$/],
    ['an unknown option', ['--frobnicate', 'x'], /^article-lint: unknown option --frobnicate \(try --help\)\n$/],
    ['a missing option value', ['--config'], /^article-lint: --config needs a value \(try --help\)\n$/],
    ['a value given to a flag', ['--fix=yes', 'x'], /^article-lint: --fix takes no value \(try --help\)\n$/],
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
    assert.match(brokenRun.stderr, /^article-lint: .*broken\.json: bad settings file: invalid JSON \(.*\)\n$/);
  });

  it('skips the files under a broken .article-lint.json, saying so, and lints the rest', () => {
    mkdirSync(path.join(dir, 'broken'));
    write('broken/.article-lint.json', '{ rules: ');
    write('broken/a.article', SPACED);
    write('fine.article', SPACED);
    const { code, stdout, stderr } = run([path.join(dir, 'broken', 'a.article'), path.join(dir, 'fine.article')]);
    assert.equal(code, 2);
    assert.match(stderr, /^article-lint: .*broken\/\.article-lint\.json: bad settings file: invalid JSON \(.*\)\n$/);
    assert.match(stdout, /fine\.article:3:5/);
    assert.match(stdout, /1 problem in 1 file .*; 1 file skipped\.\n$/);
  });
});
