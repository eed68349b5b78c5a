#!/usr/bin/env node
// article-lint: the language server's core on the command line, for batch work and CI.

import { statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import * as path from 'node:path';
import { settingsLayerProblems, type SettingsLayer } from '../../server/src/core';
import { findProjectConfig, readSettingsFile } from '../../server/src/node/projectConfig';
import { compilerBudget } from './compiler';
import { expandInputs } from './files';
import { describeUserError, lintFile, RunSettings, type FileOutcome, type LintOptions } from './lintFile';
import { localeFromEnvironment, messagesFor, parseCliLocale, type CliLocale, type Messages } from './messages';
import { isPoolWorker, lintInParallel, serveJobs } from './pool';
import { isShareWorker, serveShare, SHARED_FROM } from './shares';
import { BufferedOutput } from './output';
import { isFailing, JSON_REPORT_OPENING, jsonReportClosing, totalsOf, type Printed, type ProblemCounts } from './report';

const VERSION = '0.1.0';

class UsageError extends Error {}

interface Options extends LintOptions {
  /** Files linted at once (the main thread and jobs − 1 workers), or 'auto' to choose by the batch and the machine. */
  readonly jobs: number | 'auto';
  /** --jobs was given (without it a batch runs one file at a time, and a large file on two threads). */
  readonly jobsGiven: boolean;
  readonly exitZero: boolean;
  readonly files: string[];
}

/** Below this many files a batch runs in the main thread: starting workers would cost more. */
const PARALLEL_FROM = 8;
/**
 * --jobs auto starts workers only for a batch of at least this many bytes: about two seconds of work on one
 * core (the CLI lints about half a megabyte of extracted Chinese a second), against some 0.2 s to start a
 * worker and load the linter into it. Smaller batches gain too little to risk it on a busy machine.
 */
export const AUTO_PARALLEL_BYTES = 1_000_000;

/**
 * The cores one job keeps busy: besides the thread that lints, V8 compiles and collects on threads of its own.
 * On the 1,071-article batch one job used 2.0 s of CPU in 1.5 s (lead, quiet 2-core machine); two jobs used
 * 2.9 s of CPU (a worker warms its code up again) and took longer than one on two cores (1.98 s against
 * 2.28 s; docs/performance-log.md par25).
 */
export const CORES_PER_JOB = 1.5;

/**
 * What --jobs auto chooses: one (the main thread alone) unless the batch is large enough to pay for
 * workers and the machine has cores no one is using (by the last minute's load average) for two jobs or
 * more, each counted with the cores its V8 keeps busy (CORES_PER_JOB); then that many. So never on two
 * cores, where a worker makes the batch slower.
 */
export function autoJobs(files: readonly string[], cores = availableParallelism(), load = loadavg()[0]): number {
  const jobs = Math.floor((cores - load) / CORES_PER_JOB);
  if (jobs < 2 || files.length < PARALLEL_FROM) return 1;
  let bytes = 0;
  for (const file of files) {
    try {
      bytes += statSync(file).size;
    } catch {
      // Reported when it is read.
    }
    if (bytes >= AUTO_PARALLEL_BYTES) return jobs;
  }
  return 1;
}

/**
 * How large a document must be to be analysed on two threads: SHARED_FROM characters, or what
 * ARTICLE_LINT_SHARED_FROM says (the tests share small files to compare the outputs).
 */
function sharedFrom(): number {
  const given = Number(process.env.ARTICLE_LINT_SHARED_FROM);
  return process.env.ARTICLE_LINT_SHARED_FROM && Number.isFinite(given) && given >= 0 ? given : SHARED_FROM;
}

/**
 * The language to speak before the options are parsed, so that even an error in them is said in it:
 * `--locale` if given (an unknown one is refused, in the environment's language), else the environment's.
 */
function chooseLocale(argv: readonly string[]): CliLocale {
  const fromEnvironment = localeFromEnvironment();
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    const value = argv[i] === '--locale' ? argv[i + 1] : argv[i].startsWith('--locale=') ? argv[i].slice('--locale='.length) : undefined;
    if (value === undefined) continue;
    const locale = parseCliLocale(value);
    if (!locale) throw new UsageError(messagesFor(fromEnvironment).badLocale(value));
    return locale;
  }
  return fromEnvironment;
}

/** node:util's parseArgs errors (in English, with a hint about `--`) in the CLI's words. */
function parseArgsError(error: unknown, say: Messages): UsageError {
  const { code, message } = error as { code?: string; message: string };
  const option = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError(say.unknownOption(option));
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return new UsageError(/argument missing/.test(message) ? say.missingValue(option) : say.unexpectedValue(option));
  }
  return new UsageError(message.split('\n')[0]);
}

function parseOptions(argv: string[], locale: CliLocale, say: Messages): Options | 'help' | 'version' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        fix: { type: 'boolean', default: false },
        stdout: { type: 'boolean', default: false },
        outline: { type: 'boolean', default: false },
        figures: { type: 'boolean', default: false },
        format: { type: 'string', default: 'text' },
        config: { type: 'string' },
        'no-config': { type: 'boolean', default: false },
        locale: { type: 'string' },
        quiet: { type: 'boolean', default: false },
        'exit-zero': { type: 'boolean', default: false },
        jobs: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    throw parseArgsError(error, say);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (values.version) return 'version';
  const format = values.format;
  if (format !== 'text' && format !== 'json' && format !== 'github') throw new UsageError(say.badFormat(format));
  if (positionals.length === 0) throw new UsageError(say.noInput);
  if (values.stdout && !values.fix) throw new UsageError(say.stdoutNeedsFix);
  if (values.config && values['no-config']) throw new UsageError(say.configContradiction);
  // One at a time unless asked: workers pay off on large batches and spare cores, and cost on small ones.
  const jobs = values.jobs === undefined ? 1 : values.jobs === 'auto' ? 'auto' : Number(values.jobs);
  if (jobs !== 'auto' && (!Number.isInteger(jobs) || jobs < 1)) throw new UsageError(say.badJobs(values.jobs ?? ''));
  return {
    jobs,
    jobsGiven: values.jobs !== undefined,
    exitZero: values['exit-zero'],
    fix: values.fix,
    stdout: values.stdout,
    outline: values.outline,
    figures: values.figures,
    format,
    config: values.config,
    noConfig: values['no-config'],
    locale,
    quiet: values.quiet,
    files: positionals,
  };
}

/**
 * Says on standard error, once per settings file, what in it will be ignored (a typo in a rule id, a
 * severity that is not one): the run goes on, but nobody should believe a misspelt rule is off.
 */
function warnAboutSettings(files: readonly string[], options: Options, explicitLayer: SettingsLayer | undefined, say: Messages): void {
  const layers = new Map<string, SettingsLayer>();
  if (options.config && explicitLayer) layers.set(options.config, explicitLayer);
  else if (!options.noConfig) {
    const foundIn = new Map<string, string | undefined>();
    for (const file of files) {
      const directory = file === '-' ? process.cwd() : path.dirname(path.resolve(file));
      if (!foundIn.has(directory)) foundIn.set(directory, findProjectConfig(directory));
      const found = foundIn.get(directory);
      if (!found || layers.has(found)) continue;
      try {
        layers.set(found, readSettingsFile(found));
      } catch {
        // A broken settings file is reported with each file it would apply to, which is skipped.
      }
    }
  }
  for (const [config, layer] of layers) {
    for (const reason of settingsLayerProblems(layer)) process.stderr.write(`article-lint: ${say.settingsWarning(config, reason)}\n`);
  }
}

/**
 * Lints every file, printing each one's output (and its failure, on standard error) in file order, then
 * the summary; returns the exit status.
 */
async function lintAll(files: readonly string[], options: Options, explicitLayer: SettingsLayer | undefined, script: string, say: Messages): Promise<number> {
  const counts: ProblemCounts[] = [];
  const fixed: string[] = [];
  const failed: Array<{ file: string; message: string }> = [];
  let skipped = 0;
  let jsonEntries = 0;
  const output = new BufferedOutput((bytes) => process.stdout.write(bytes));
  // The JSON report goes out file by file, unless the fixed texts (--fix --stdout) come first: then at the end.
  const heldJson: Printed[] | undefined = options.stdout ? [] : undefined;
  const addJson = (text: Printed) => (heldJson ? heldJson.push(text) : output.add(text));
  if (options.format === 'json') addJson(JSON_REPORT_OPENING);
  const take = (outcome: FileOutcome) => {
    output.add(outcome.printed);
    if (outcome.failure) {
      output.flush();
      process.stderr.write(`article-lint: ${outcome.failure}\n`);
      failed.push({ file: outcome.file, message: outcome.failure });
    }
    if (outcome.fixed) fixed.push(outcome.file);
    if (!outcome.counts) {
      skipped++;
      return;
    }
    counts.push(outcome.counts);
    if (outcome.jsonEntry !== undefined) {
      if (jsonEntries++ > 0) addJson(',');
      addJson(outcome.jsonEntry);
    }
  };
  const settings = new RunSettings(options, explicitLayer);
  const jobs = files.includes('-') ? 1 : options.jobs === 'auto' ? autoJobs(files) : options.jobs;
  if (files.length < PARALLEL_FROM || jobs === 1) {
    // One file at a time: a large one is analysed on two threads unless --jobs 1 (shares.ts).
    const fileOptions: LintOptions = options.jobs === 1 && options.jobsGiven ? options : { ...options, shares: { script, from: sharedFrom() } };
    for (const file of files) take(lintFile(file, fileOptions, explicitLayer, settings));
  } else {
    await lintInParallel(script, files, options, explicitLayer, jobs, take, settings);
  }
  if (options.format === 'json') {
    addJson(jsonReportClosing(jsonEntries, { ...(options.fix ? { fixed } : {}), failed }));
    for (const text of heldJson ?? []) output.add(text);
  } else if (!options.stdout && counts.length > 0) {
    // No summary when no file could be read: the reasons on standard error are all there is to say.
    output.add(say.summary(totalsOf(counts, fixed.length, skipped, failed.length - skipped), options.fix));
  }
  output.flush();
  if (failed.length > 0) return 2;
  return counts.some(isFailing) && !options.exitZero ? 1 : 0;
}

export async function main(argv: string[], script = __filename): Promise<number> {
  let say = messagesFor(localeFromEnvironment());
  let options: Options;
  try {
    const locale = chooseLocale(argv);
    say = messagesFor(locale);
    const parsed = parseOptions(argv, locale, say);
    if (parsed === 'help') {
      process.stdout.write(`${say.usage}\n`);
      return 0;
    }
    if (parsed === 'version') {
      process.stdout.write(`${VERSION}\n`);
      return 0;
    }
    options = parsed;
  } catch (error) {
    process.stderr.write(`article-lint: ${(error as Error).message}\n`);
    return 2;
  }
  let explicitLayer: SettingsLayer | undefined;
  try {
    explicitLayer = options.config ? readSettingsFile(options.config) : undefined;
  } catch (error) {
    const reason = describeUserError(error, say);
    if (!reason) throw error;
    process.stderr.write(`article-lint: ${reason}\n`);
    return 2;
  }
  const files = expandInputs(options.files);
  if (files.length === 0) {
    process.stderr.write(`article-lint: ${say.noArticlesFound}\n`);
    return 2;
  }
  warnAboutSettings(files, options, explicitLayer, say);
  return lintAll(files, options, explicitLayer, script, say);
}

if (isPoolWorker()) {
  serveJobs();
} else if (isShareWorker()) {
  serveShare();
} else if (require.main === module) {
  // Before any of the linter's code is hot (cli/src/compiler.ts).
  compilerBudget.startShort();
  // A reader that stops early (`| head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  main(process.argv.slice(2)).then(
    (status) => {
      process.exitCode = status;
    },
    (error: unknown) => {
      process.stderr.write(`article-lint: ${messagesFor(localeFromEnvironment()).internalError((error as Error).message)}\n`);
      process.exitCode = 2;
    },
  );
}
