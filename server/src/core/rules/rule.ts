// What every rule module exports, and what a rule reports.

import type { ArticleModel } from '../model';
import type { Locale, Severity, Settings } from '../settings';

/** A message in both languages; `{name}` placeholders are filled from a report's args. */
export interface LocalizedText {
  readonly en: string;
  readonly zh: string;
}

export type RuleTag = 'layout' | 'spacing' | 'punctuation' | 'structure';

export interface Rule {
  /** Stable kebab-case id, used as the diagnostic code and in settings. */
  readonly id: string;
  readonly description: LocalizedText;
  readonly tags: readonly RuleTag[];
  readonly defaultSeverity: Exclude<Severity, 'off'>;
  /** Whether the rule's reports carry a fix (a test checks this against behaviour). */
  readonly fixable: boolean;
  readonly messages: Readonly<Record<string, LocalizedText>>;
  check(context: RuleContext): void;
}

/** A replacement of the source range [start, end). */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export interface RelatedLocation {
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

export interface Report {
  readonly start: number;
  readonly end: number;
  readonly messageId: string;
  readonly args?: Readonly<Record<string, string | number>>;
  readonly fix?: readonly Edit[];
  readonly related?: ReadonlyArray<{ start: number; end: number; messageId: string; args?: Readonly<Record<string, string | number>> }>;
}

export interface RuleContext {
  readonly model: ArticleModel;
  readonly settings: Settings;
  /** The rule's own options from its setting object (empty when it is a bare severity). */
  readonly options: Readonly<Record<string, unknown>>;
  report(report: Report): void;
}

/** A problem found in a document, in source offsets, with its message in the settings' locale. */
export interface Problem {
  readonly ruleId: string;
  readonly severity: Exclude<Severity, 'off'>;
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly fix?: readonly Edit[];
  readonly related?: readonly RelatedLocation[];
}

export function localize(text: LocalizedText, locale: Locale, args?: Readonly<Record<string, string | number>>): string {
  const template = locale === 'zh-cn' ? text.zh : text.en;
  if (!args) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in args ? String(args[name]) : whole));
}
