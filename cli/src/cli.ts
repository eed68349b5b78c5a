#!/usr/bin/env node
// article-lint: the language server's core on the command line, for batch work and CI.

import { parseArgs } from 'node:util';
import * as path from 'node:path';
import { analyze, fixAll, mergeSettings, type Analysis, type Settings } from '../../server/src/core';
import { parseLocale, type SettingsLayer } from '../../server/src/core/settings';
import { ConfigError, findProjectConfig, readSettingsFile } from '../../server/src/node/projectConfig';
import { expandInputs, InputError, readArticle, writeArticleAtomically, type ArticleFile } from './files';
import { formatFileReport, formatSummary, githubAnnotations, jsonReport, type FileReport } from './report';

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
  -h, --help         show this help
  -v, --version      show the version

Exit status: 0 no warnings or errors, 1 warnings or errors found, 2 bad usage or unreadable input.`;

const VERSION = '0.1.0';

class UsageError extends Error {}

interface Options {
  fix: boolean;
  stdout: boolean;
  outline: boolean;
  figures: boolean;
  format: 'text' | 'json' | 'github';
  config?: string;
  noConfig: boolean;
  locale?: string;
  quiet: boolean;
  files: string[];
}

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
  return {
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

function localeFromEnvironment(): string | undefined {
  return process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || undefined;
}

function settingsFor(file: string, options: Options, explicitLayer: SettingsLayer | undefined): Settings {
  const locale = parseLocale(options.locale) ?? parseLocale(localeFromEnvironment()?.replace(/[._].*$/, '') === 'C' ? 'en' : localeFromEnvironment()) ?? 'en';
  let projectLayer: SettingsLayer | undefined = explicitLayer;
  if (!options.config && !options.noConfig) {
    const found = findProjectConfig(file === '-' ? process.cwd() : path.dirname(path.resolve(file)));
    if (found) projectLayer = readSettingsFile(found);
  }
  return mergeSettings(projectLayer, { locale });
}

function processFile(article: ArticleFile, settings: Settings, options: Options): { report: FileReport; analysis: Analysis } {
  if (article.text.length > settings.maxDocumentLength) {
    throw new InputError(`${article.path}: ${article.text.length} characters is more than maxDocumentLength (${settings.maxDocumentLength})`);
  }
  let text = article.text;
  if (options.fix) {
    const fixed = fixAll(text, settings);
    if (options.stdout) process.stdout.write((article.bom ? '\uFEFF' : '') + fixed);
    else if (fixed !== text) {
      if (article.path === '-') throw new InputError('cannot write a fix back to standard input (use --stdout)');
      writeArticleAtomically(article, fixed);
    }
    text = fixed;
  }
  const analysis = analyze(text, settings);
  const problems = options.quiet
    ? analysis.problems.filter((problem) => problem.severity === 'warning' || problem.severity === 'error')
    : analysis.problems;
  return { report: { file: article.path, analysis, problems }, analysis };
}

export function main(argv: string[]): number {
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

  const reports: FileReport[] = [];
  try {
    const explicitLayer = options.config ? readSettingsFile(options.config) : undefined;
    const files = expandInputs(options.files);
    if (files.length === 0) throw new InputError('no .article files found in the given folders');
    for (const file of files) {
      const article = readArticle(file);
      const settings = settingsFor(file, options, explicitLayer);
      const { report } = processFile(article, settings, options);
      reports.push(report);
      if (options.format === 'text' && !options.stdout) {
        process.stdout.write(formatFileReport(report, { outline: options.outline, figures: options.figures }));
      } else if (options.format === 'github' && !options.stdout) {
        process.stdout.write(githubAnnotations(report));
      }
    }
  } catch (error) {
    if (error instanceof InputError || error instanceof ConfigError) {
      process.stderr.write(`article-lint: ${error.message}\n`);
      return 2;
    }
    throw error;
  }

  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify(jsonReport(reports, { outline: options.outline, figures: options.figures }), null, 2)}\n`);
  } else if (!options.stdout) {
    process.stdout.write(formatSummary(reports, options.fix));
  }
  const failing = reports.some((report) => report.problems.some((p) => p.severity === 'warning' || p.severity === 'error'));
  return failing ? 1 : 0;
}

if (require.main === module) {
  // A reader that stops early (`| head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`article-lint: internal error: ${(error as Error).message}\n`);
    process.exitCode = 2;
  }
}
