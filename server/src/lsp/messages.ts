// Text the server shows outside diagnostics (code action titles, notices), in both languages.

import { localize, type Locale, type LocalizedText } from '../core';

const MESSAGES = {
  fixOne: { en: 'Fix: {message}', zh: '修复：{message}' },
  fixRule: { en: 'Fix all “{rule}” problems in this document', zh: '修复本文档中所有“{rule}”问题' },
  joinParagraph: { en: 'Join every broken line of this paragraph', zh: '合并本段所有断行' },
  fixAll: { en: 'Fix all article problems', zh: '修复所有文章问题' },
  disableRuleForLine: { en: 'Turn off “{rule}” for this line', zh: '在此行关闭“{rule}”' },
  disableRule: { en: 'Turn off “{rule}” for this document', zh: '在本文档中关闭“{rule}”' },
  tooLarge: {
    en: 'This document has {length} characters, more than article.maxDocumentLength ({limit}): it was not analysed.',
    zh: '本文档有 {length} 个字符，超过 article.maxDocumentLength（{limit}），未做分析。',
  },
  binary: {
    en: 'This document contains NUL bytes: it is binary data, not text, and was not analysed.',
    zh: '本文档含有 NUL 字节，是二进制数据而非文本，未做分析。',
  },
  configTimeout: {
    en: 'The editor did not send the article.* settings in time; this document is analysed with the defaults and .article-lint.json until they arrive.',
    zh: '编辑器未及时提供 article.* 设置；收到之前，本文档按默认设置和 .article-lint.json 分析。',
  },
  configLate: {
    en: 'Settings arrived after their timeout; this document is analysed again with them.',
    zh: '设置在超时之后才到达；本文档按这些设置重新分析。',
  },
  tooManyProblems: {
    en: 'This document has {count} problems; the {limit} nearest where you edit or look are shown (article.maxProblems). “Fix all problems” fixes every one.',
    zh: '本文档有 {count} 个问题，仅显示正在编辑或查看之处附近的 {limit} 个（article.maxProblems）。“修复所有问题”会修复全部问题。',
  },
  speakers: { en: 'People quoted', zh: '受访者' },
  configError: { en: 'Article Lint ignored a settings file: {reason}', zh: 'Article Lint 忽略了配置文件：{reason}' },
  configProblem: { en: 'Article Lint ignores part of a settings file: {reason}', zh: 'Article Lint 忽略了配置文件中的部分设置：{reason}' },
} satisfies Record<string, LocalizedText>;

export function message(locale: Locale, id: keyof typeof MESSAGES, args?: Record<string, string | number>): string {
  return localize(MESSAGES[id], locale, args);
}
