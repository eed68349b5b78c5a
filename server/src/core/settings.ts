// Settings shared by the editor and the CLI: rule severities and options, spacing style, limits.

export type Severity = 'off' | 'hint' | 'information' | 'warning' | 'error';
export const SEVERITIES: readonly Severity[] = ['off', 'hint', 'information', 'warning', 'error'];

export type Locale = 'en' | 'zh-cn';

export type CjkLatinSpacing = 'ignore' | 'require' | 'forbid';

/** A rule's setting: a severity, or an object with a severity and the rule's own options. */
export type RuleSetting = Severity | ({ severity?: Severity } & Record<string, unknown>);

export interface Settings {
  readonly locale: Locale;
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly cjkLatinSpacing: CjkLatinSpacing;
  /** Documents longer than this (UTF-16 code units) are not analysed. */
  readonly maxDocumentLength: number;
  /** The editor shows at most this many problems per document (fixes still cover all of them). */
  readonly maxProblems: number;
}

export const defaultSettings: Settings = {
  locale: 'en',
  rules: {},
  cjkLatinSpacing: 'ignore',
  maxDocumentLength: 20_000_000,
  maxProblems: 1_000,
};

/** A partial layer of settings, as found in `.article-lint.json` or VS Code's `article.*`. */
export interface SettingsLayer {
  locale?: unknown;
  rules?: unknown;
  cjkLatinSpacing?: unknown;
  maxDocumentLength?: unknown;
  maxProblems?: unknown;
}

/** Merges layers over the defaults, later layers winning; unknown or ill-typed values are ignored. */
export function mergeSettings(...layers: Array<SettingsLayer | undefined>): Settings {
  let locale = defaultSettings.locale;
  let cjkLatinSpacing = defaultSettings.cjkLatinSpacing;
  let maxDocumentLength = defaultSettings.maxDocumentLength;
  let maxProblems = defaultSettings.maxProblems;
  const rules: Record<string, RuleSetting> = {};
  for (const layer of layers) {
    if (!layer || typeof layer !== 'object') continue;
    const parsedLocale = parseLocale(layer.locale);
    if (parsedLocale) locale = parsedLocale;
    if (layer.cjkLatinSpacing === 'ignore' || layer.cjkLatinSpacing === 'require' || layer.cjkLatinSpacing === 'forbid') {
      cjkLatinSpacing = layer.cjkLatinSpacing;
    }
    if (typeof layer.maxDocumentLength === 'number' && layer.maxDocumentLength > 0) maxDocumentLength = layer.maxDocumentLength;
    if (typeof layer.maxProblems === 'number' && layer.maxProblems > 0) maxProblems = Math.floor(layer.maxProblems);
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
  return { locale, rules, cjkLatinSpacing, maxDocumentLength, maxProblems };
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
