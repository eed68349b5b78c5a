// Every setting described once: its key, type, default and allowed values (settingDescriptions), and what it
// and each of its values mean in English and Chinese (settingTexts). mergeSettings and the settings check read
// the first; `npm run gen:settings` writes the VS Code contributions (package.json), the .article-lint.json
// schema and the nls files from both, and a test fails when those files drift from them. The `rules` setting
// is described here too; its per-rule entries come from the rule registry and rules/descriptions.ts.
//
// The texts are a list of their own because the servers never show them: nothing they bundle imports
// settingTexts, so esbuild leaves it out, and the browser's server, which has a size budget, does not ship it.

import type { LocalizedText } from './localized';

interface BaseDescription {
  /** The key in `.article-lint.json`; in VS Code it is `article.<key>`. */
  readonly key: string;
  /** Where the setting can be given: the project file, the VS Code settings, or both. */
  readonly where: 'both' | 'file' | 'editor';
  /** VS Code's scope: per resource (folder, file) or per window. */
  readonly scope: 'resource' | 'window';
}

export interface ChoiceDescription extends BaseDescription {
  readonly type: 'choice';
  readonly default: string;
  /** The allowed values, in the order the editor offers them. */
  readonly values: readonly string[];
}

export interface NumberDescription extends BaseDescription {
  readonly type: 'number';
  readonly default: number;
  /** Values must be above zero. */
  readonly positive: true;
  /** Rounded down to a whole number when read. */
  readonly integer: boolean;
}

export interface TextDescription extends BaseDescription {
  readonly type: 'text';
}

export interface RulesDescription extends BaseDescription {
  readonly type: 'rules';
}

export type SettingDescription = ChoiceDescription | NumberDescription | TextDescription | RulesDescription;

export const settingDescriptions: readonly SettingDescription[] = [
  {
    key: 'rules',
    type: 'rules',
    where: 'both',
    scope: 'resource',
  },
  {
    key: 'cjkLatinSpacing',
    type: 'choice',
    where: 'both',
    scope: 'resource',
    default: 'ignore',
    values: ['ignore', 'require', 'forbid'],
  },
  {
    key: 'parentheses',
    type: 'choice',
    where: 'both',
    scope: 'resource',
    default: 'full',
    values: ['full', 'keep'],
  },
  {
    key: 'quoteSpacing',
    type: 'choice',
    where: 'both',
    scope: 'resource',
    default: 'remove',
    values: ['remove', 'keep'],
  },
  {
    key: 'ellipsis',
    type: 'choice',
    where: 'both',
    scope: 'resource',
    default: 'full',
    values: ['full', 'keep'],
  },
  {
    key: 'maxDocumentLength',
    type: 'number',
    where: 'both',
    scope: 'resource',
    default: 20_000_000,
    positive: true,
    integer: false,
  },
  {
    key: 'maxProblems',
    type: 'number',
    where: 'both',
    scope: 'resource',
    default: 1_000,
    positive: true,
    integer: true,
  },
  {
    key: 'locale',
    type: 'text',
    where: 'file',
    scope: 'resource',
  },
  {
    key: 'trace.server',
    type: 'choice',
    where: 'editor',
    scope: 'window',
    default: 'off',
    values: ['off', 'messages', 'verbose'],
  },
];

/** What a setting means, and what each value of a choice does, in English and Chinese. */
export interface SettingText {
  readonly description: LocalizedText;
  /** For a choice: one text per allowed value. */
  readonly values?: Readonly<Record<string, LocalizedText>>;
}

/** Each setting's texts by key, for the settings' outside forms (`npm run gen:settings`); never bundled. */
export const settingTexts: Readonly<Record<string, SettingText>> = {
  rules: {
    description: {
      en: 'Severity (`off`, `hint`, `information`, `warning`, `error`) or options per rule id, e.g. `{ "broken-word": "error" }`. In VS Code, applied on top of `.article-lint.json`.',
      zh: '各规则的级别（`off`、`hint`、`information`、`warning`、`error`）或选项，例如 `{ "broken-word": "error" }`。在 VS Code 中于 `.article-lint.json` 之上生效。',
    },
  },
  cjkLatinSpacing: {
    description: {
      en: 'Spacing between Chinese and Latin letters or digits. Joins of broken lines follow it too.',
      zh: '中文与拉丁字母或数字之间的空格。断行合并时也遵循此设置。',
    },
    values: {
      ignore: { en: 'Leave the spacing as it is (joins insert nothing).', zh: '保持原样（合并断行时不插入空格）。' },
      require: { en: 'One space between Chinese and Latin letters or digits.', zh: '中文与拉丁字母或数字之间保留一个空格。' },
      forbid: { en: 'No space between Chinese and Latin letters or digits (news style).', zh: '中文与拉丁字母或数字之间不留空格（新闻体例）。' },
    },
  },
  parentheses: {
    description: {
      en: 'Width of parentheses in Chinese text (see docs/style.md). GB/T 15834 sets them full-width: 国内生产总值（GDP）.',
      zh: '中文语境中括号的宽度（见 docs/style.md）。GB/T 15834 用全角括号：国内生产总值（GDP）。',
    },
    values: {
      full: { en: 'Half-width parentheses in Chinese text become full-width: (GDP) → （GDP） (GB/T 15834).', zh: '中文语境中的半角括号改为全角：(GDP) → （GDP）（GB/T 15834）。' },
      keep: { en: 'Parentheses stay as written (house styles that set them half-width around Latin text).', zh: '括号保持原样（适用于拉丁文字两侧用半角括号的体例）。' },
    },
  },
  quoteSpacing: {
    description: {
      en: 'Spaces outside curly quotation marks “” ‘’ (see docs/style.md). GB/T 15834 sets none: 他说“好”。',
      zh: '弯引号“” ‘’外侧的空格（见 docs/style.md）。GB/T 15834 不留空格：他说“好”。',
    },
    values: {
      remove: { en: 'Remove spaces before an opening and after a closing quotation mark, as around any full-width mark.', zh: '删除前引号之前、后引号之后的空格，与其他全角标点相同。' },
      keep: { en: 'Leave spaces outside quotation marks as written (house styles that space “English” quotes).', zh: '引号外侧的空格保持原样（适用于给引号两侧加空格的体例）。' },
    },
  },
  ellipsis: {
    description: {
      en: 'Form of the ellipsis in Chinese text (see docs/style.md). GB/T 15834 writes six dots: ……',
      zh: '中文语境中省略号的形式（见 docs/style.md）。GB/T 15834 规定为六点：……',
    },
    values: {
      full: { en: '... , 。。。 and a lone … in Chinese text become ……', zh: '中文语境中的 ...、。。。和单个 … 改为 ……' },
      keep: { en: 'Ellipses stay as written (house styles that keep ... or …).', zh: '省略号保持原样（适用于保留 ... 或 … 的体例）。' },
    },
  },
  maxDocumentLength: {
    description: {
      en: 'Documents longer than this many characters (UTF-16 code units) are not analysed.',
      zh: '超过此字符数（UTF-16 码元）的文档不做分析。',
    },
  },
  maxProblems: {
    description: {
      en: 'The editor shows at most this many problems per document (VS Code itself shows no more than 1,000): past it, those nearest where you edit or look. **Fix all problems** still fixes every one.',
      zh: '每个文档最多显示这么多问题（VS Code 本身每个文件最多显示 1000 个）：超出时显示正在编辑或查看之处附近的问题。“修复所有问题”仍会修复全部问题。',
    },
  },
  locale: {
    description: {
      en: 'Language of messages: en or zh-cn (otherwise the editor’s display language or LANG decides).',
      zh: '消息语言：en 或 zh-cn（未设置时由编辑器界面语言或 LANG 决定）。',
    },
  },
  'trace.server': {
    description: {
      en: 'Traces the communication between VS Code and the article language server.',
      zh: '跟踪 VS Code 与语言服务器之间的通信。',
    },
    values: {
      off: { en: 'No trace.', zh: '不跟踪。' },
      messages: { en: 'Each message’s name.', zh: '记录每条消息的名称。' },
      verbose: { en: 'Each message with its content.', zh: '记录每条消息及其内容。' },
    },
  },
};

/** The description of a setting by key. */
export function settingDescription(key: string): SettingDescription | undefined {
  return settingDescriptions.find((description) => description.key === key);
}

/** The settings a `.article-lint.json` (or `--config`) may hold. */
export const FILE_SETTING_KEYS: readonly string[] = settingDescriptions.filter((d) => d.where !== 'editor').map((d) => d.key);
