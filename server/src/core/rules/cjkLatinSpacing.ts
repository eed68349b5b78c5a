// Spacing between Chinese characters and Latin letters or digits, as settings.cjkLatinSpacing says:
// 'ignore' (the default) reports nothing, 'require' wants one space (GDP 比重, 2017 年), 'forbid' none
// (GDP比重, 2017年). The layout's joiner follows the same setting at line breaks; this rule looks inside lines.
// A figure or name keeps its symbols: the space goes outside 0.1%, C++ and +255 (有 0.1% 或更少, C++ 的).
// Under 'forbid' a space also goes between Chinese and a name's bracket or a file's or path's leading dot or
// slash (fdisk(8) 或者 → fdisk(8)或者, 签署 .dsc → 签署.dsc, 为 /bin/false → 为/bin/false): a justified line
// leaves it there, and 'forbid' wants no space next to Chinese. 'require' adds none there: whether 阿里巴巴.US
// or (APA.US)盘前 is one name or two is not for a spacing rule to guess (AutoCorrect leaves both as they are).

import { beginsLatinToken, endsLatinToken, isAsciiLetterCode, isHanCode, isInlineSpaceCode } from '../charClasses';
import type { LocalizedText, Rule, RuleContext } from './rule';

/** What the rule checks, in both languages: its setting's description (gathered in rules/descriptions.ts). */
export const description: LocalizedText = {
  en: 'Chinese next to Latin letters or digits is spaced as the cjkLatinSpacing setting says (ignore, require or forbid).',
  zh: '汉字与拉丁字母或数字之间的空格按 cjkLatinSpacing 设置处理（忽略、必须或禁止）。',
};

export const cjkLatinSpacing: Rule = {
  id: 'cjk-latin-spacing',
  tags: ['spacing'],
  defaultSeverity: 'warning',
  fixable: true,
  wrap: false,
  marksUnnecessary: false,
  messages: {
    missing: { en: 'Put one space between “{before}” and “{after}”', zh: '在“{before}”和“{after}”之间加一个空格' },
    notOne: { en: 'Use exactly one space between “{before}” and “{after}”', zh: '“{before}”和“{after}”之间应恰好一个空格' },
    extra: { en: 'Remove the space between “{before}” and “{after}”', zh: '删除“{before}”和“{after}”之间的空格' },
  },
  check(context) {
    const style = context.settings.cjkLatinSpacing;
    if (style === 'ignore') return;
    const { model } = context;
    for (const fragment of model.fragments) {
      if (model.roles[fragment.index] === 'directive') continue;
      checkFragment(context, fragment.text, fragment.start, style);
    }
  },
};

/** Whether a Chinese character at text[before] meets a Latin token at text[after] (in either order). */
function meets(text: string, before: number, after: number): boolean {
  return (
    (isHanCode(text.charCodeAt(before)) && beginsLatinToken(text, after)) ||
    (isHanCode(text.charCodeAt(after)) && endsLatinToken(text, before))
  );
}

/**
 * Whether a Chinese character and a name's edge symbol meet across a gap: `fdisk(8)` 或, 签署 `.dsc`, 为 `/bin`.
 * A closing bracket is a name's when it closes one opened in the same run of Latin text (`chage (CHange AGE)`):
 * `1)` or `a)` before a list item's text is a marker, spaced as its author chose.
 */
function meetsNameEdge(text: string, before: number, after: number): boolean {
  const code = text.charCodeAt(before);
  if (isHanCode(code)) {
    const next = text.charCodeAt(after);
    return (next === 0x2e || next === 0x2f) && isAsciiLetterCode(text.charCodeAt(after + 1));
  }
  if ((code !== 0x29 && code !== 0x5d) || !isHanCode(text.charCodeAt(after)) || !endsLatinToken(text, before - 1)) return false;
  const opener = code === 0x29 ? '(' : '[';
  let i = before - 2;
  while (i >= 0 && text[i] !== opener && text.charCodeAt(i) < 0x80) i--;
  return i >= 0 && text[i] === opener;
}

function checkFragment(context: RuleContext, text: string, offset: number, style: 'require' | 'forbid'): void {
  let i = 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (!isInlineSpaceCode(code)) {
      if (style === 'require' && meets(text, i - 1, i)) {
        const at = offset + i;
        const args = { before: text[i - 1], after: text[i] };
        context.report({ start: at, end: at, messageId: 'missing', args, fix: [{ start: at, end: at, newText: ' ' }] });
      }
      i++;
      continue;
    }
    // A whitespace run: judge it once, by the characters on either side of it.
    let end = i;
    while (end < text.length && isInlineSpaceCode(text.charCodeAt(end))) end++;
    if (meets(text, i - 1, end) || (style === 'forbid' && meetsNameEdge(text, i - 1, end))) {
      const start = offset + i;
      const stop = offset + end;
      const args = { before: text[i - 1], after: text[end] };
      if (style === 'forbid') {
        context.report({ start, end: stop, messageId: 'extra', args, fix: [{ start, end: stop, newText: '' }] });
      } else if (end - i !== 1 || code !== 0x20) {
        context.report({ start, end: stop, messageId: 'notOne', args, fix: [{ start, end: stop, newText: ' ' }] });
      }
    }
    i = end;
  }
}
