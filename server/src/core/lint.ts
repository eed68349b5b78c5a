// Runs the enabled rules over a model and turns their reports into problems.

import { DirectiveIndex } from './directives';
import { LintProblem } from './lintProblem';
import type { ArticleModel } from './model';
import { rules as allRules } from './rules';
import { localize, type Problem, type Report, type Rule } from './rules/rule';
import type { Settings, Severity } from './settings';
import type { Steps } from './parts';

export function severityOf(rule: Rule, settings: Settings): Severity {
  const setting = settings.rules[rule.id];
  if (typeof setting === 'string') return setting;
  if (setting && typeof setting === 'object' && setting.severity) return setting.severity;
  return rule.defaultSeverity;
}

/** One step down the severities (a hint stays a hint): where an unsure problem is shown. */
export function gentler(severity: Exclude<Severity, 'off'>): Exclude<Severity, 'off'> {
  return severity === 'error' ? 'warning' : severity === 'warning' ? 'information' : 'hint';
}

function optionsOf(rule: Rule, settings: Settings): Record<string, unknown> {
  const setting = settings.rules[rule.id];
  return setting && typeof setting === 'object' ? setting : {};
}

/** Every enabled rule's problems (region rules and document rules alike) in document order, directives applied. */
export function lint(model: ArticleModel, settings: Settings, rules: readonly Rule[] = allRules): Problem[] {
  const problems = [...runRules(model, settings, rules), ...runDocumentRules(model, settings, rules)];
  return withoutSilenced(model, problems.sort(inDocumentOrder));
}

const isDocumentRule = (rule: Rule): boolean => rule.scope === 'document';

/**
 * The problems of the whole document's rules (scope 'document') among `rules`, in document order, before
 * directives silence any. Such a rule reads parts of the document computed per region and kept for the
 * next version (the outline's displacedLabelsOf: outline/boxPairing.ts), so it runs on documents of any length.
 */
export function runDocumentRules(model: ArticleModel, settings: Settings, rules: readonly Rule[] = allRules): LintProblem[] {
  const documentRules = rules.filter(isDocumentRule);
  return documentRules.length === 0 ? [] : problemsOf(model, settings, documentRules);
}

/**
 * What the document rules that are on read, computed a step at a time (Rule.prepare): their check, once
 * the steps are done, only collects.
 */
export function* prepareDocumentRules(model: ArticleModel, settings: Settings, rules: readonly Rule[] = allRules): Steps<void> {
  for (const rule of rules) if (isDocumentRule(rule) && rule.prepare && severityOf(rule, settings) !== 'off') yield* rule.prepare(model);
}

/** The problems of the rules among `rules` that read one region (every rule but the document's), in document order, before directives silence any. */
export function runRules(model: ArticleModel, settings: Settings, rules: readonly Rule[] = allRules): LintProblem[] {
  return problemsOf(model, settings, rules.filter((rule) => !isDocumentRule(rule)));
}

/** Problems sorted by where they start, then end, then rule: the order every list of problems is in. */
export function inDocumentOrder(a: Problem, b: Problem): number {
  return a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId);
}

function problemsOf(model: ArticleModel, settings: Settings, rules: readonly Rule[]): LintProblem[] {
  const problems: LintProblem[] = [];
  for (const rule of rules) {
    const severity = severityOf(rule, settings);
    if (severity === 'off') continue;
    const accept = (report: Report): void => {
      problems.push(
        new LintProblem(
          rule.id,
          report.uncertain ? gentler(severity) : severity,
          report.start,
          report.end,
          rule.messages[report.messageId],
          settings.locale,
          report.args,
          report.fix,
          report.related?.map((related) => ({
            start: related.start,
            end: related.end,
            message: localize(rule.messages[related.messageId], settings.locale, related.args),
          })),
        ),
      );
    };
    rule.check({ model, settings, options: optionsOf(rule, settings), report: accept });
  }
  problems.sort(inDocumentOrder);
  return problems;
}

/** The problems no `article-lint-disable` comment of the model silences. */
export function withoutSilenced<T extends Problem>(model: ArticleModel, problems: T[]): T[] {
  if (model.directives.length === 0) return problems;
  const directives = new DirectiveIndex(model.directives, (fragment) => model.fragments[fragment + 1]?.line);
  return problems.filter((problem) => !directives.isDisabled(problem.ruleId, model.lineIndex.lineAt(problem.start)));
}
