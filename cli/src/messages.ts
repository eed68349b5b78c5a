// Every line the CLI prints about itself (usage, errors, the summary), in English and Chinese. The
// problems' own messages come from the core in the settings' locale; these are the CLI's words around them.

export type CliLocale = 'en' | 'zh-cn';

/** Why a file could not be read or written, as a reason the user can act on. */
export type FileFailure =
  | { readonly kind: 'system'; readonly code: string | undefined; readonly detail: 'read' | 'write' }
  | { readonly kind: 'not-utf8' }
  | { readonly kind: 'binary' }
  | { readonly kind: 'directory' }
  | { readonly kind: 'special'; readonly what: 'device' | 'fifo' | 'socket' }
  | { readonly kind: 'too-long'; readonly limit: number; readonly length?: number }
  | { readonly kind: 'read-only' }
  | { readonly kind: 'other-owner' }
  | { readonly kind: 'stdin-fix' };

export interface Totals {
  readonly files: number;
  readonly problems: number;
  readonly error: number;
  readonly warning: number;
  readonly information: number;
  readonly hint: number;
  readonly fixable: number;
  /** Files whose fixed text was written back (--fix). */
  readonly fixed: number;
  /** Files that could not be read, reported on standard error and skipped. */
  readonly skipped: number;
  /** Files linted whose fix could not be written (reported on standard error). */
  readonly notFixed: number;
}

export interface Messages {
  readonly usage: string;
  readonly noInput: string;
  readonly noArticlesFound: string;
  readonly unknownOption: (option: string) => string;
  readonly missingValue: (option: string) => string;
  readonly unexpectedValue: (option: string) => string;
  readonly badFormat: (value: string) => string;
  readonly badLocale: (value: string) => string;
  readonly badJobs: (value: string) => string;
  readonly stdoutNeedsFix: string;
  readonly configContradiction: string;
  readonly fileFailure: (file: string, failure: FileFailure) => string;
  readonly notFixed: (file: string, failure: FileFailure) => string;
  readonly configFailure: (file: string, reason: string) => string;
  readonly settingsWarning: (file: string, reason: string) => string;
  readonly internalError: (detail: string) => string;
  readonly summary: (totals: Totals, fixing: boolean) => string;
  readonly outline: string;
  readonly peopleQuoted: string;
  readonly figures: string;
}

/** "1 warning", "2 warnings"; words without a plural ("information") pass `plural` equal to `one`. */
function count(n: number, one: string, plural = `${one}s`): string {
  return `${n} ${n === 1 ? one : plural}`;
}

const SYSTEM_REASONS_EN: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is not a folder',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'name too long',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EIO: 'input/output error',
  EMFILE: 'too many open files',
  EBUSY: 'busy',
  ETXTBSY: 'busy',
};

const SYSTEM_REASONS_ZH: Record<string, string> = {
  ENOENT: '没有这个文件',
  EACCES: '没有权限',
  EPERM: '不允许此操作',
  EISDIR: '是文件夹',
  ENOTDIR: '路径中有一部分不是文件夹',
  ELOOP: '符号链接过多',
  ENAMETOOLONG: '名称过长',
  EROFS: '文件系统只读',
  ENOSPC: '设备空间不足',
  EDQUOT: '超出磁盘配额',
  EIO: '输入输出错误',
  EMFILE: '打开的文件过多',
  EBUSY: '正被占用',
  ETXTBSY: '正被占用',
};

const en: Messages = {
  usage: `Usage: article-lint [options] FILE|DIR|- ...

Lints Chinese news articles extracted from PDFs: broken line wraps, stray spacing, half-width punctuation.

Options:
  --fix              write the fixed text back to each file (atomically, through symbolic links;
                     line endings, BOM, mode and owner kept)
  --stdout           with --fix, print the fixed text instead of writing it
  --outline          print each article's outline (title, sections, bylines)
  --figures          print each article's figures and what they mean
  --format FORMAT    text (default), json, or github (GitHub Actions annotations)
  --config FILE      settings file to use instead of the nearest .article-lint.json
  --no-config        use no settings file
  --locale LOCALE    en or zh-cn (default: from LC_ALL, LC_MESSAGES or LANG)
  --quiet            print only problems of severity warning and error
  --exit-zero        exit 0 even when warnings or errors are found (bad input still exits 2)
  --jobs N|auto      lint N files at once: this thread and N-1 worker threads (auto: one per 1.5 idle
                     CPUs, for a batch of a megabyte or more: none on 2 CPUs; default 1)
  -h, --help         show this help
  -v, --version      show the version

A file that cannot be read (missing, binary, not UTF-8, a device, too long) or written is reported
and skipped; the others are linted and fixed all the same.

Exit status: 0 no warnings or errors, 1 warnings or errors found, 2 bad usage or a file skipped.`,
  noInput: 'no input files (try --help)',
  noArticlesFound: 'no .article files found in the given folders',
  unknownOption: (option) => `unknown option ${option} (try --help)`,
  missingValue: (option) => `${option} needs a value (try --help)`,
  unexpectedValue: (option) => `${option} takes no value (try --help)`,
  badFormat: (value) => `unknown --format "${value}" (use text, json or github)`,
  badLocale: (value) => `unknown --locale "${value}" (use en or zh-cn)`,
  badJobs: (value) => `--jobs wants auto or a whole number of at least 1, not "${value}"`,
  stdoutNeedsFix: '--stdout only goes with --fix',
  configContradiction: '--config and --no-config contradict each other',
  fileFailure: (file, failure) => `${file}: ${describeEn(failure)}`,
  notFixed: (file, failure) => `${file}: not fixed: ${describeEn(failure)}`,
  configFailure: (file, reason) => `${file}: bad settings file: ${configReasonEn(reason)}`,
  settingsWarning: (file, reason) => `warning: ${file}: ${reason}`,
  internalError: (detail) => `internal error: ${detail}`,
  summary: (totals, fixing) => {
    const files = count(totals.files, 'file');
    const parts: string[] = [];
    if (totals.problems === 0) parts.push(`No problems in ${files}`);
    else {
      const detail = [count(totals.error, 'error'), count(totals.warning, 'warning'), `${totals.information} information`, count(totals.hint, 'hint')].join(', ');
      parts.push(`${count(totals.problems, 'problem')} in ${files} (${detail})`);
      if (totals.fixable > 0 && !fixing) parts.push(`${totals.fixable} fixable with --fix`);
    }
    if (fixing) parts.push(`${count(totals.fixed, 'file')} fixed`);
    if (totals.notFixed > 0) parts.push(`${count(totals.notFixed, 'file')} not fixed`);
    if (totals.skipped > 0) parts.push(`${count(totals.skipped, 'file')} skipped`);
    return `${parts.join('; ')}.\n`;
  },
  outline: 'Outline',
  peopleQuoted: 'People quoted',
  figures: 'Figures',
};

function describeEn(failure: FileFailure): string {
  switch (failure.kind) {
    case 'system':
      return `cannot ${failure.detail} (${(failure.code && SYSTEM_REASONS_EN[failure.code]) ?? failure.code ?? 'unknown error'})`;
    case 'not-utf8':
      return 'not UTF-8 text';
    case 'binary':
      return 'binary file (contains NUL bytes)';
    case 'directory':
      return 'is a directory';
    case 'special':
      return `is a ${failure.what === 'device' ? 'device' : failure.what === 'fifo' ? 'named pipe (FIFO)' : 'socket'}, not a file (use - to read standard input)`;
    case 'too-long':
      return failure.length === undefined
        ? `more than maxDocumentLength (${failure.limit} characters)`
        : `${failure.length} characters is more than maxDocumentLength (${failure.limit})`;
    case 'read-only':
      return 'you may not write this file (read-only)';
    case 'other-owner':
      return 'owned by another user: writing it would make it yours (fix it as its owner, or use --fix --stdout)';
    case 'stdin-fix':
      return 'cannot write a fix back to standard input (use --stdout)';
  }
}

const zh: Messages = {
  usage: `用法：article-lint [选项] 文件|文件夹|- ...

检查从 PDF 提取的中文新闻稿：断行、多余空格、半角标点。

选项：
  --fix              把修正后的文字写回每个文件（原子写入，经符号链接写到真实文件；
                     保留换行符、BOM、权限和所有者）
  --stdout           与 --fix 同用：打印修正后的文字，不写文件
  --outline          打印每篇文章的大纲（标题、小节、署名）
  --figures          打印每篇文章中的数字及其含义
  --format 格式      text（默认）、json 或 github（GitHub Actions 注释）
  --config 文件      使用此设置文件，而不是最近的 .article-lint.json
  --no-config        不使用设置文件
  --locale 语言      en 或 zh-cn（默认取自 LC_ALL、LC_MESSAGES 或 LANG）
  --quiet            只打印警告和错误
  --exit-zero        即使发现警告或错误也以 0 退出（输入有误仍以 2 退出）
  --jobs N|auto      同时检查 N 个文件：本线程加 N-1 个工作线程（auto：一兆字节以上的一批文件
                     每 1.5 个空闲 CPU 一个，2 个 CPU 时不用；默认 1）
  -h, --help         显示本帮助
  -v, --version      显示版本

无法读取（不存在、二进制、非 UTF-8、设备、过长）或无法写入的文件会被报告并跳过，
其余文件照常检查和修正。

退出码：0 没有警告或错误，1 发现警告或错误，2 用法错误或有文件被跳过。`,
  noInput: '没有输入文件（见 --help）',
  noArticlesFound: '所给文件夹中没有 .article 文件',
  unknownOption: (option) => `未知选项 ${option}（见 --help）`,
  missingValue: (option) => `${option} 需要一个值（见 --help）`,
  unexpectedValue: (option) => `${option} 不接受值（见 --help）`,
  badFormat: (value) => `未知的 --format“${value}”（可用 text、json 或 github）`,
  badLocale: (value) => `未知的 --locale“${value}”（可用 en 或 zh-cn）`,
  badJobs: (value) => `--jobs 应为 auto 或不小于 1 的整数，而不是“${value}”`,
  stdoutNeedsFix: '--stdout 只能与 --fix 同用',
  configContradiction: '--config 与 --no-config 互相矛盾',
  fileFailure: (file, failure) => `${file}：${describeZh(failure)}`,
  notFixed: (file, failure) => `${file}：未修正：${describeZh(failure)}`,
  configFailure: (file, reason) => `${file}：设置文件有误：${configReasonZh(reason)}`,
  settingsWarning: (file, reason) => `警告：${file}：${reason}`,
  internalError: (detail) => `内部错误：${detail}`,
  summary: (totals, fixing) => {
    const parts: string[] = [];
    if (totals.problems === 0) parts.push(`${totals.files} 个文件中没有问题`);
    else {
      parts.push(`${totals.files} 个文件中有 ${totals.problems} 个问题（错误 ${totals.error}，警告 ${totals.warning}，信息 ${totals.information}，提示 ${totals.hint}）`);
      if (totals.fixable > 0 && !fixing) parts.push(`其中 ${totals.fixable} 个可用 --fix 修正`);
    }
    if (fixing) parts.push(`修正了 ${totals.fixed} 个文件`);
    if (totals.notFixed > 0) parts.push(`${totals.notFixed} 个文件未能修正`);
    if (totals.skipped > 0) parts.push(`跳过 ${totals.skipped} 个文件`);
    return `${parts.join('；')}。\n`;
  },
  outline: '大纲',
  peopleQuoted: '受访者',
  figures: '数字',
};

function describeZh(failure: FileFailure): string {
  switch (failure.kind) {
    case 'system':
      return `无法${failure.detail === 'write' ? '写入' : '读取'}（${(failure.code && SYSTEM_REASONS_ZH[failure.code]) ?? failure.code ?? '未知错误'}）`;
    case 'not-utf8':
      return '不是 UTF-8 文本';
    case 'binary':
      return '是二进制文件（含 NUL 字节）';
    case 'directory':
      return '是文件夹';
    case 'special':
      return `是${failure.what === 'device' ? '设备' : failure.what === 'fifo' ? '命名管道（FIFO）' : '套接字'}，不是文件（读取标准输入请用 -）`;
    case 'too-long':
      return failure.length === undefined
        ? `超过 maxDocumentLength（${failure.limit} 个字符）`
        : `${failure.length} 个字符，超过 maxDocumentLength（${failure.limit}）`;
    case 'read-only':
      return '你无权写入此文件（只读）';
    case 'other-owner':
      return '文件属于其他用户，写入会使它归你所有（请以所有者身份修正，或用 --fix --stdout）';
    case 'stdin-fix':
      return '无法把修正写回标准输入（请用 --stdout）';
  }
}

/** The settings file reader's reasons (server/src/node/projectConfig) in the CLI's words. */
const CANNOT_READ = /^cannot read \((\w+)\)$/;
const INVALID_JSON = /^invalid JSON \((.*)\)$/;

function configReasonEn(reason: string): string {
  const unreadable = CANNOT_READ.exec(reason);
  return unreadable ? describeEn({ kind: 'system', code: unreadable[1], detail: 'read' }) : reason;
}

function configReasonZh(reason: string): string {
  const unreadable = CANNOT_READ.exec(reason);
  if (unreadable) return describeZh({ kind: 'system', code: unreadable[1], detail: 'read' });
  const invalid = INVALID_JSON.exec(reason);
  if (invalid) return `不是有效的 JSON（${invalid[1]}）`;
  if (reason === 'expected a JSON object') return '应为 JSON 对象';
  return reason;
}

const MESSAGES: Record<CliLocale, Messages> = { en, 'zh-cn': zh };

export function messagesFor(locale: CliLocale): Messages {
  return MESSAGES[locale];
}

/** `--locale` as given: en or zh-cn (any case, `zh_CN`/`en-US` too); undefined for anything else. */
export function parseCliLocale(value: string): CliLocale | undefined {
  const lower = value.toLowerCase().replace(/_/g, '-');
  if (lower === 'zh' || lower === 'zh-cn' || lower === 'zh-hans' || lower === 'zh-hans-cn') return 'zh-cn';
  if (lower === 'en' || /^en-[a-z]+$/.test(lower)) return 'en';
  return undefined;
}

/** The locale of the environment, as POSIX looks it up: LC_ALL, then LC_MESSAGES, then LANG. */
export function localeFromEnvironment(env: NodeJS.ProcessEnv = process.env): CliLocale {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return value.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}
