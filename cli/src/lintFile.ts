// One file through the CLI: read, fix if asked, analyse, and render what is printed for it. The same
// function runs in the main thread and in the workers of a parallel batch, so both print the same.

import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { analyze, fixAll, mergeSettings, problemColumns, type AnalysisOptions, type Settings, type SettingsLayer } from '../../server/src/core';
import { ConfigError, findProjectConfig, readSettingsFile } from '../../server/src/node/projectConfig';
import { compilerBudget } from './compiler';
import { FileError, readArticle, writeArticle } from './files';
import { messagesFor, type CliLocale, type Messages } from './messages';
import { analyzeInShares, ShareWorker, sharesPay, type LinesToFormat, type SharePolicy } from './shares';
import { fileJsonEntry, formatFileReport, githubAnnotations, shownProblems, type FormattedParts, type Printed, type ProblemCounts } from './report';

export interface LintOptions {
  readonly fix: boolean;
  readonly stdout: boolean;
  readonly outline: boolean;
  readonly figures: boolean;
  readonly format: 'text' | 'json' | 'github';
  readonly config?: string;
  readonly noConfig: boolean;
  /** The CLI's language, and the problems' too (it overrides a settings file's `locale`). */
  readonly locale: CliLocale;
  readonly quiet: boolean;
  /** A large document is analysed on two threads (shares.ts) under this policy; undefined: on this one. */
  readonly shares?: SharePolicy;
}

/** What became of one file, whether it was linted or skipped. */
export interface FileOutcome {
  readonly file: string;
  /** What is printed for the file, in its turn: its report (a long one in UTF-8 pieces), or its fixed text with --fix --stdout. */
  readonly printed: Printed;
  /**
   * The file's entry in the JSON report, serialized as it stands there (indented for its place in the
   * `files` array), so that the report is written file by file; undefined when the file was skipped.
   */
  readonly jsonEntry?: Printed;
  /** Undefined when the file could not be read (or its settings file is broken) and was skipped. */
  readonly counts?: ProblemCounts;
  /** The fix was written back to the file. */
  readonly fixed: boolean;
  /** A one-line reason for standard error: why the file was skipped, or why its fix was not written. */
  readonly failure?: string;
}

/** A failure for the user to act on (unreadable input, bad settings), rendered in the CLI's language. */
export function describeUserError(error: unknown, say: Messages): string | undefined {
  if (error instanceof FileError) return say.fileFailure(error.file, error.failure);
  if (error instanceof ConfigError) return say.configFailure(error.file, error.message.slice(error.file.length + 2));
  return undefined;
}

/**
 * The settings of each file of one run, from the `.article-lint.json` nearest its folder: each folder's
 * file is looked up, read and merged once per run (a batch is mostly many files in few folders), and a
 * broken one is reported with every file it applies to, as before.
 */
export class RunSettings {
  private readonly byDirectory = new Map<string, { settings?: Settings; error?: unknown }>();

  constructor(
    private readonly options: LintOptions,
    private readonly explicitLayer: SettingsLayer | undefined,
  ) {}

  for(file: string): Settings {
    const directory = file === '-' ? process.cwd() : path.dirname(path.resolve(file));
    let known = this.byDirectory.get(directory);
    if (!known) {
      try {
        known = { settings: this.read(directory) };
      } catch (error) {
        known = { error };
      }
      this.byDirectory.set(directory, known);
    }
    if (known.error !== undefined) throw known.error;
    return known.settings!;
  }

  private read(directory: string): Settings {
    let projectLayer: SettingsLayer | undefined = this.explicitLayer;
    if (!this.options.config && !this.options.noConfig) {
      const found = findProjectConfig(directory);
      if (found) projectLayer = readSettingsFile(found);
    }
    return mergeSettings(projectLayer, { locale: this.options.locale });
  }
}

/** Lints (and fixes) one file; never throws: a file that cannot be handled comes back with its failure. */
export function lintFile(
  file: string,
  options: LintOptions,
  explicitLayer: SettingsLayer | undefined,
  settings: RunSettings = new RunSettings(options, explicitLayer),
): FileOutcome {
  const say = messagesFor(options.locale);
  try {
    return lintReadable(file, options, settings.for(file), say);
  } catch (error) {
    const failure = describeUserError(error, say) ?? say.internalError(`${file}: ${(error as Error).message}`);
    return { file, printed: '', fixed: false, failure };
  }
}

/** How a run that reads only the problems and the line index analyses a text. */
const READ_ONCE: AnalysisOptions = { placing: 'on-first-use', layouts: 'read-once', problemColumns };

/** The most bytes of UTF-8 one UTF-16 code unit of the decoded text takes (a Han character: 3 bytes, 1 unit). */
const MAX_BYTES_PER_UNIT = 3;

/**
 * A worker for a file that will be analysed on two threads, started before the file is read: it loads the CLI
 * meanwhile. The text's length is its size in bytes at most and a third of it at least: a file between the
 * two is read here first and its code units counted (a 1–3 MB Chinese file is mostly under a million characters,
 * and a worker started for it was stopped unused).
 */
function earlyShareWorker(file: string, options: LintOptions): ShareWorker | undefined {
  if (file === '-' || options.fix || options.outline || options.figures) return undefined;
  try {
    const bytes = statSync(file).size;
    if (!sharesPay(bytes, options.shares)) return undefined;
    if (bytes < MAX_BYTES_PER_UNIT * options.shares.from && !sharesPay(utf16Length(readFileSync(file)), options.shares)) return undefined;
    return new ShareWorker(options.shares.script);
  } catch {
    // Reported when the file is read.
    return undefined;
  }
}

/** How many UTF-16 code units UTF-8 `bytes` decode to: one per character, two for one beyond the BMP (a 4-byte sequence). */
function utf16Length(bytes: Uint8Array): number {
  let units = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if ((byte & 0xc0) !== 0x80) units += byte >= 0xf0 ? 2 : 1;
  }
  return units;
}

function lintReadable(file: string, options: LintOptions, settings: Settings, say: Messages): FileOutcome {
  const early = earlyShareWorker(file, options);
  try {
    return lintText(file, options, settings, say, early);
  } finally {
    early?.stopUnused();
  }
}

function lintText(file: string, options: LintOptions, settings: Settings, say: Messages, early: ShareWorker | undefined): FileOutcome {
  const article = readArticle(file, settings.maxDocumentLength);
  compilerBudget.willAnalyse(article.text.length);
  let text = article.text;
  let printed: Printed = '';
  let fixed = false;
  let failure: string | undefined;
  // A plain run reads only the problems and the line index: each region's layout goes once they are read
  // (Layouts), and a long document's problems wait as columns; --outline and --figures read the layouts too, and keep them.
  const analysisOptions: AnalysisOptions = options.outline || options.figures ? { placing: 'on-first-use', layouts: 'kept' } : READ_ONCE;
  if (options.fix) {
    // Fixing reads the problems alone.
    const fixedText = fixAll(text, settings, undefined, READ_ONCE);
    if (options.stdout) {
      printed = (article.bom ? '\uFEFF' : '') + fixedText;
      text = fixedText;
    } else if (fixedText !== text) {
      // A fix that cannot be written is reported, and the file is linted as it stands.
      try {
        if (article.path === '-') throw new FileError(file, { kind: 'stdin-fix' });
        writeArticle(article, fixedText);
        fixed = true;
        text = fixedText;
      } catch (error) {
        if (!(error instanceof FileError)) throw error;
        failure = say.notFixed(error.file, error.failure);
      }
    }
  }
  // The report reads the problems and the line index: the document's parts are placed only if asked (--outline).
  // A large document read once is shared with a worker: its answers are the same, and the report's problems
  // are formatted by both threads, each its own regions' (shares.ts).
  let analysis;
  let formatted: FormattedParts | undefined;
  if (analysisOptions.layouts === 'read-once' && sharesPay(text.length, options.shares)) {
    const lines: LinesToFormat | undefined = options.stdout ? undefined : { format: options.format, file: article.path, quiet: options.quiet };
    ({ analysis, formatted } = analyzeInShares(text, settings, analysisOptions, options.shares, lines, early));
  } else {
    analysis = analyze(text, settings, undefined, analysisOptions);
  }
  const problems = shownProblems(analysis, options.quiet);
  const report = { file: article.path, analysis, problems, formatted };
  const sections = { outline: options.outline, figures: options.figures };
  if (!options.stdout) {
    if (options.format === 'text') printed = formatFileReport(report, sections, say);
    else if (options.format === 'github') printed = githubAnnotations(report);
  }
  return {
    file,
    printed,
    jsonEntry: options.format === 'json' ? fileJsonEntry(report, sections) : undefined,
    counts: problems.counts,
    fixed,
    failure,
  };
}
