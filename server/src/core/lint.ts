// Runs the enabled rules over a model and turns their reports into problems.

import { DirectiveIndex } from './directives';
import type { ArticleModel } from './model';
import { rules as allRules } from './rules';
import { localize, type Problem, type Report, type Rule } from './rules/rule';
import type { Settings, Severity } from './settings';

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

export function lint(model: ArticleModel, settings: Settings, rules: readonly Rule[] = allRules): Problem[] {
  return withoutSilenced(model, runRules(model, settings, rules));
}

/** Every enabled rule's problems, in document order, before directives silence any. */
export function runRules(model: ArticleModel, settings: Settings, rules: readonly Rule[] = allRules): Problem[] {
  const problems: Problem[] = [];
  for (const rule of rules) {
    const severity = severityOf(rule, settings);
    if (severity === 'off') continue;
    const accept = (report: Report): void => {
      problems.push({
        ruleId: rule.id,
        severity: report.uncertain ? gentler(severity) : severity,
        start: report.start,
        end: report.end,
        message: localize(rule.messages[report.messageId], settings.locale, report.args),
        fix: report.fix,
        related: report.related?.map((related) => ({
          start: related.start,
          end: related.end,
          message: localize(rule.messages[related.messageId], settings.locale, related.args),
        })),
      });
    };
    rule.check({ model, settings, options: optionsOf(rule, settings), report: accept });
  }
  problems.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  return problems;
}

/** The problems no `article-lint-disable` comment of the model silences. */
export function withoutSilenced(model: ArticleModel, problems: Problem[]): Problem[] {
  if (model.directives.length === 0) return problems;
  const directives = new DirectiveIndex(model.directives, (fragment) => model.fragments[fragment + 1]?.line);
  return problems.filter((problem) => !directives.isDisabled(problem.ruleId, model.lineIndex.lineAt(problem.start)));
}
