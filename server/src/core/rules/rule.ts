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
  /**
   * The rule is unsure of this problem (a break the layout model decided with low confidence): it is
   * shown one severity gentler than the rule's (warning → information), and its message says so.
   */
  readonly uncertain?: boolean;
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
  if (!args || !template.includes('{')) return template;
  // What template.replace(/\{(\w+)\}/g, …) does, without a pattern and callback for each of the
  // hundred thousand problems a raw megabyte has.
  let out = '';
  let copied = 0;
  for (let open = template.indexOf('{'); open >= 0; open = template.indexOf('{', open + 1)) {
    let close = open + 1;
    while (close < template.length && isWordCode(template.charCodeAt(close))) close++;
    if (close === open + 1 || template[close] !== '}') continue;
    const name = template.slice(open + 1, close);
    if (!(name in args)) continue;
    out += template.slice(copied, open) + String(args[name]);
    copied = close + 1;
    open = close;
  }
  return copied === 0 ? template : out + template.slice(copied);
}

/** The characters of \w: ASCII letters, digits and the underscore. */
function isWordCode(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f;
}
