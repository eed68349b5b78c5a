// Settings shared by the editor and the CLI: rule severities and options, house style, limits.

import { settingDescription } from './settingsSchema';

export type Severity = 'off' | 'hint' | 'information' | 'warning' | 'error';
export const SEVERITIES: readonly Severity[] = ['off', 'hint', 'information', 'warning', 'error'];

import type { Locale } from './localized';

export type { Locale } from './localized';

export type CjkLatinSpacing = 'ignore' | 'require' | 'forbid';
/** Parentheses in Chinese text: made full-width (GB/T 15834) or left as written. */
export type Parentheses = 'full' | 'keep';
/** Spaces outside curly quotes: removed like those around any full-width mark (GB/T 15834), or kept. */
export type QuoteSpacing = 'remove' | 'keep';
/** The ellipsis in Chinese text: made …… (GB/T 15834) or left as written. */
export type Ellipsis = 'full' | 'keep';

/** A rule's setting: a severity, or an object with a severity and the rule's own options. */
export type RuleSetting = Severity | ({ severity?: Severity } & Record<string, unknown>);

// What each setting means, its values and default are in settingsSchema.ts; these are their types.
export interface Settings {
  readonly locale: Locale;
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly cjkLatinSpacing: CjkLatinSpacing;
  readonly parentheses: Parentheses;
  readonly quoteSpacing: QuoteSpacing;
  readonly ellipsis: Ellipsis;
  /** Documents longer than this (UTF-16 code units) are not analysed. */
  readonly maxDocumentLength: number;
  /** The editor shows at most this many problems per document (fixes still cover all of them). */
  readonly maxProblems: number;
}

/** The settings read from a layer by their description: a choice among values, or a positive number. */
type DescribedKey = 'cjkLatinSpacing' | 'parentheses' | 'quoteSpacing' | 'ellipsis' | 'maxDocumentLength' | 'maxProblems';
const DESCRIBED_KEYS: readonly DescribedKey[] = ['cjkLatinSpacing', 'parentheses', 'quoteSpacing', 'ellipsis', 'maxDocumentLength', 'maxProblems'];

function describedDefault(key: DescribedKey): Settings[DescribedKey] {
  const description = settingDescription(key);
  if (description?.type !== 'choice' && description?.type !== 'number') throw new Error(`setting ${key} is not described`);
  return description.default as Settings[DescribedKey];
}

export const defaultSettings: Settings = {
  locale: 'en',
  rules: {},
  ...(Object.fromEntries(DESCRIBED_KEYS.map((key) => [key, describedDefault(key)])) as Pick<Settings, DescribedKey>),
};

/** A partial layer of settings, as found in `.article-lint.json` or VS Code's `article.*`. */
export type SettingsLayer = { [key in keyof Settings]?: unknown };

/** A layer's value for a described setting, or undefined when it is missing or not allowed. */
export function describedValue(key: string, value: unknown): string | number | undefined {
  const description = settingDescription(key);
  if (description?.type === 'choice') return typeof value === 'string' && description.values.includes(value) ? value : undefined;
  if (description?.type === 'number') {
    if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) return undefined;
    return description.integer ? Math.floor(value) : value;
  }
  return undefined;
}

/** Merges layers over the defaults, later layers winning; unknown or ill-typed values are ignored. */
export function mergeSettings(...layers: Array<SettingsLayer | undefined>): Settings {
  let locale = defaultSettings.locale;
  const described: Record<string, unknown> = Object.fromEntries(DESCRIBED_KEYS.map((key) => [key, defaultSettings[key]]));
  const rules: Record<string, RuleSetting> = {};
  for (const layer of layers) {
    if (!layer || typeof layer !== 'object') continue;
    const parsedLocale = parseLocale(layer.locale);
    if (parsedLocale) locale = parsedLocale;
    for (const key of DESCRIBED_KEYS) {
      const value = describedValue(key, layer[key]);
      if (value !== undefined) described[key] = value;
    }
    if (layer.rules && typeof layer.rules === 'object') {
      for (const [id, value] of Object.entries(layer.rules as Record<string, unknown>)) {
        const setting = parseRuleSetting(value);
        if (setting === undefined) continue;
        const previous = rules[id];
        rules[id] =
          typeof setting === 'object' && typeof previous === 'object' ? { ...previous, ...setting } : setting;
      }
    }
  }
  return { locale, rules, ...(described as Pick<Settings, DescribedKey>) };
}

export function parseLocale(value: unknown): Locale | undefined {
  if (typeof value !== 'string') return undefined;
  const lower = value.toLowerCase();
  if (lower.startsWith('zh')) return 'zh-cn';
  if (lower.length > 0) return 'en';
  return undefined;
}

function parseRuleSetting(value: unknown): RuleSetting | undefined {
  if (typeof value === 'string') return isSeverity(value) ? value : undefined;
  if (typeof value === 'boolean') return value ? {} : 'off';
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    if (record.severity !== undefined && !isSeverity(record.severity)) {
      const { severity: _ignored, ...rest } = record;
      return rest;
    }
    return record as RuleSetting;
  }
  return undefined;
}

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}
