#!/usr/bin/env node
// article-lint: the language server's core on the command line, for batch work and CI.

import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import * as path from 'node:path';
import { settingsLayerProblems } from '../../server/src/core';
import { findProjectConfig, readSettingsFile } from '../../server/src/node/projectConfig';
import { expandInputs, InputError } from './files';
import { isUserError, lintFile, type FileOutcome, type LintOptions } from './lintFile';
import { isPoolWorker, lintInParallel, serveJobs } from './pool';
import { formatSummary, isFailing, type ProblemCounts } from './report';

const USAGE = `Usage: article-lint [options] FILE|DIR|- ...

Lints Chinese news articles extracted from PDFs: broken line wraps, stray spacing, half-width punctuation.

Options:
  --fix              write the fixed text back to each file (atomically; line endings and BOM kept)
  --stdout           with --fix, print the fixed text instead of writing it
  --outline          print each article's outline (title, sections, bylines)
  --figures          print each article's figures and what they mean
  --format FORMAT    text (default), json, or github (GitHub Actions annotations)
  --config FILE      settings file to use instead of the nearest .article-lint.json
  --no-config        use no settings file
  --locale LOCALE    en or zh-cn (default: from LANG)
  --quiet            print only problems of severity warning and error
  --jobs N|auto      lint N files at once on worker threads (auto: one per CPU; default 1)
  -h, --help         show this help
  -v, --version      show the version

Exit status: 0 no warnings or errors, 1 warnings or errors found, 2 bad usage or unreadable input.`;

const VERSION = '0.1.0';

class UsageError extends Error {}

interface Options extends LintOptions {
  readonly jobs: number;
  readonly files: string[];
}

/** Below this many files a batch runs in the main thread: starting workers would cost more. */
const PARALLEL_FROM = 8;

function parseOptions(argv: string[]): Options | 'help' | 'version' {
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
        jobs: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (values.version) return 'version';
  const format = values.format;
  if (format !== 'text' && format !== 'json' && format !== 'github') throw new UsageError(`unknown --format "${format}" (use text, json or github)`);
  if (positionals.length === 0) throw new UsageError('no input files (try --help)');
  if (values.stdout && !values.fix) throw new UsageError('--stdout only goes with --fix');
  if (values.config && values['no-config']) throw new UsageError('--config and --no-config contradict each other');
  // One at a time unless asked: workers pay off on large batches and spare cores, and cost on small ones.
  const jobs = values.jobs === undefined ? 1 : values.jobs === 'auto' ? availableParallelism() : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs wants auto or a whole number of at least 1, not "${values.jobs}"`);
  return {
    jobs,
    fix: values.fix,
    stdout: values.stdout,
    outline: values.outline,
    figures: values.figures,
    format,
    config: values.config,
    noConfig: values['no-config'],
    locale: values.locale,
    quiet: values.quiet,
    files: positionals,
  };
}

/**
 * Says on standard error, once per settings file, what in it will be ignored (a typo in a rule id, a
 * severity that is not one): the run goes on, but nobody should believe a misspelt rule is off.
 */
function warnAboutSettings(files: readonly string[], options: Options): void {
  const configs = new Set<string>();
  if (options.config) configs.add(options.config);
  else if (!options.noConfig) {
    const foundIn = new Map<string, string | undefined>();
    for (const file of files) {
      const directory = file === '-' ? process.cwd() : path.dirname(path.resolve(file));
      if (!foundIn.has(directory)) foundIn.set(directory, findProjectConfig(directory));
      const found = foundIn.get(directory);
      if (found) configs.add(found);
    }
  }
  for (const config of configs) {
    for (const reason of settingsLayerProblems(readSettingsFile(config))) process.stderr.write(`article-lint: warning: ${config}: ${reason}\n`);
  }
}

/** Lints every file, printing each one's output in file order; returns the exit status. */
async function lintAll(files: readonly string[], options: Options, script: string): Promise<number> {
  const explicitLayer = options.config ? readSettingsFile(options.config) : undefined;
  const counts: ProblemCounts[] = [];
  const json: unknown[] = [];
  const take = (outcome: FileOutcome) => {
    process.stdout.write(outcome.printed);
    counts.push(outcome.counts);
    if (options.format === 'json') json.push(outcome.json);
  };
  if (files.length < PARALLEL_FROM || options.jobs === 1 || files.includes('-')) {
    for (const file of files) take(lintFile(file, options, explicitLayer));
  } else {
    let failure: { message: string; user: boolean } | undefined;
    await lintInParallel(script, files, options, explicitLayer, options.jobs, (result) => {
      if ('failure' in result) {
        failure = { message: result.failure, user: result.user };
        return false;
      }
      take(result.outcome);
      return true;
    });
    if (failure?.user) throw new InputError(failure.message);
    if (failure) throw new Error(failure.message);
  }
  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify({ files: json }, null, 2)}\n`);
  } else if (!options.stdout) {
    process.stdout.write(formatSummary(counts, options.fix));
  }
  return counts.some(isFailing) ? 1 : 0;
}

export async function main(argv: string[], script = __filename): Promise<number> {
  let options: Options;
  try {
    const parsed = parseOptions(argv);
    if (parsed === 'help') {
      process.stdout.write(`${USAGE}\n`);
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
  try {
    const files = expandInputs(options.files);
    if (files.length === 0) throw new InputError('no .article files found in the given folders');
    warnAboutSettings(files, options);
    return await lintAll(files, options, script);
  } catch (error) {
    if (isUserError(error)) {
      process.stderr.write(`article-lint: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

if (isPoolWorker()) {
  serveJobs();
} else if (require.main === module) {
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
      process.stderr.write(`article-lint: internal error: ${(error as Error).message}\n`);
      process.exitCode = 2;
    },
  );
}
