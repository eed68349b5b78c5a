// How a figure reads to people: Markdown for the hover, one plain line for the CLI's --figures.

import type { Figure, FigureKind } from './figures';
import { derivedFigures, type DerivedFigure } from './figures/relations';
import {
  approxMeaning,
  chineseNumber,
  dateNormWords,
  englishNumber,
  englishOrdinal,
  englishUnit,
  generationYears,
  percent,
  plainDigits,
} from './figures/words';
import { linesOf } from './lines';
import type { ArticleModel } from './model';
import { isClosingMark, isCjkPunct, isInlineSpace, nearestNonSpace, SENTENCE_OR_CLAUSE_END } from './charClasses';
import type { Locale } from './settings';

const KIND_NAMES: Readonly<Record<FigureKind, { en: string; zh: string }>> = {
  amount: { en: 'amount', zh: '数额' },
  count: { en: 'count', zh: '数量' },
  share: { en: 'share', zh: '比例' },
  year: { en: 'year', zh: '年份' },
  date: { en: 'date', zh: '日期' },
  range: { en: 'range', zh: '范围' },
  ordinal: { en: 'ordinal', zh: '序数' },
  number: { en: 'multiple or score', zh: '倍数或分值' },
  name: { en: 'name, not a quantity', zh: '名称，不是数量' },
};

export function kindName(kind: FigureKind, locale: Locale): string {
  return KIND_NAMES[kind][locale === 'zh-cn' ? 'zh' : 'en'];
}

/** What the figure means, in one line: "27,200,000,000,000 元 ≈ 27.2 trillion yuan". */
export function figureMeaning(figure: Figure, locale: Locale): string {
  const zh = locale === 'zh-cn';
  const unit = figure.unit ?? '';
  switch (figure.kind) {
    case 'amount':
    case 'count': {
      const value = figure.value ?? 0;
      const digits = `${plainDigits(value)}${unit ? ` ${unit}` : ''}`;
      if (zh) return value >= 1e4 ? `${digits}（${chineseNumber(value)}${unit}）` : digits;
      const english = `${englishNumber(value)}${unit ? ` ${englishUnit(unit)}` : ''}`;
      return english === digits ? digits : `${digits} ≈ ${english}`;
    }
    case 'share': {
      const value = figure.value ?? 0;
      const shown = percent(value);
      if (unit === '个百分点' || unit === '百分点') {
        const points = shown.slice(0, -1);
        return zh ? `${points} 个百分点（${plainDigits(value)}）` : `${points} percentage points (${plainDigits(value)})`;
      }
      const exact = Math.abs(Number(shown.slice(0, -1)) - value * 100) < 1e-9;
      const of = unit === '折' ? (zh ? '原价的' : 'of the full price: ') : '';
      return `${plainDigits(value)} ${exact ? '=' : '≈'} ${zh ? of : ''}${shown}${zh || !of ? '' : ` ${of.trim()}`}`;
    }
    case 'number':
      return zh ? `${plainDigits(figure.value ?? 0)} ${unit}` : `${plainDigits(figure.value ?? 0)} ${englishUnit(unit)}`;
    case 'year':
      return zh ? `${figure.value}年` : `the year ${figure.value}`;
    case 'date':
      if (!figure.norm) return '';
      return zh ? `${dateNormWords(figure.norm, locale)}（${figure.norm}）` : `${dateNormWords(figure.norm, locale)} (${figure.norm})`;
    case 'range': {
      const [low, high] = [plainDigits(figure.low ?? 0), plainDigits(figure.high ?? 0)];
      return zh ? `${low} 至 ${high} ${unit}` : `from ${low} to ${high} ${englishUnit(unit)}`;
    }
    case 'ordinal': {
      const n = figure.value ?? 0;
      // 前三位, 前十: a rank counted from the top; 6楼: a floor.
      if (figure.text.startsWith('前')) return zh ? `前 ${n} 位` : `the top ${n}`;
      if (figure.text.endsWith('楼')) return zh ? `第 ${n} 层` : `the ${englishOrdinal(n)} floor`;
      return zh ? `第 ${n}` : `the ${englishOrdinal(n)}`;
    }
    case 'name': {
      const born = generationYears(figure.text);
      if (born) {
        return zh
          ? `指${born[0]}—${born[1]}年出生的一代人：数字是出生年份的简写，不表示数量`
          : `the generation born in ${born[0]}–${born[1]}: its digits abbreviate the years of birth and do not count anything`;
      }
      return zh ? '其中的数字是名称的一部分，不表示数量' : 'its digits are part of a name and do not count anything';
    }
  }
}

/** The sentence of the block the figure stands in, with the figure in bold. */
function sentenceOf(figure: Figure, model: ArticleModel): string {
  const text = linesOf(model).block(figure.block)?.text ?? '';
  let start = figure.offset;
  while (start > 0 && !SENTENCE_OR_CLAUSE_END.test(text[start - 1]) && figure.offset - start < 200) start--;
  let end = figure.end;
  while (end < text.length && !SENTENCE_OR_CLAUSE_END.test(text[end - 1] ?? '') && end - figure.end < 200) end++;
  while (end < text.length && /[”’」』）)]/u.test(text[end])) end++;
  // A closing quote after the previous sentence's end belongs to that sentence.
  while (start < figure.offset && (isClosingMark(text[start]) || isInlineSpace(text[start]))) start++;
  const part = (from: number, to: number): string => escapeMarkdown(withoutSpacesAtMarks(text, from, to));
  return `${part(start, figure.offset)}**${part(figure.offset, figure.end)}**${part(figure.end, end)}`.trim();
}

/**
 * text[from, to) without the spaces the extractor left next to full-width punctuation (`认为， 随着`), so
 * the sentence reads as it will once fixed. Other spaces stay: one between Han characters may mark lost
 * text (`建设 世纪`), one between Han and Latin is a matter of style.
 */
function withoutSpacesAtMarks(text: string, from: number, to: number): string {
  let result = '';
  for (let i = from; i < to; i++) {
    if (isInlineSpace(text[i]) && (isCjkPunct(nearestNonSpace(text, i - 1, -1)) || isCjkPunct(nearestNonSpace(text, i, 1)))) continue;
    result += text[i];
  }
  return result;
}


function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/gu, '\\$&');
}

function derivedLine(derived: DerivedFigure, locale: Locale): string {
  const zh = locale === 'zh-cn';
  const unit = derived.unit ?? '';
  const value = `${chineseNumber(derived.value, 3)}${unit}`;
  const how = derived.relation === 'whole' ? `${derived.part.text} ÷ ${derived.share.text}` : `${derived.part.text} ÷ (1 ${derived.rose ? '+' : '−'} ${derived.share.text})`;
  if (zh) {
    const label = derived.label || (derived.relation === 'whole' ? '总量' : '基数');
    return `推算：${escapeMarkdown(label)} ≈ ${value}（${how}）`;
  }
  const label = derived.label || (derived.relation === 'whole' ? 'the whole' : 'the base');
  const english = `${englishNumber(derived.value, 3)}${unit ? ` ${englishUnit(unit)}` : ''}`;
  const what = derived.relation === 'whole' ? `${escapeMarkdown(label)}` : `${escapeMarkdown(label)} (before the change)`;
  return `Derived: ${what} ≈ ${value} ≈ ${english} (${how})`;
}

/** Hover Markdown: the figure as it reads joined, its kind and value, its sentence, derived figures. */
export function describeFigure(figure: Figure, model: ArticleModel, locale: Locale): string {
  const zh = locale === 'zh-cn';
  const lines: string[] = [`**${escapeMarkdown(figure.text)}** — ${kindName(figure.kind, locale)}`];
  const meaning = figureMeaning(figure, locale);
  if (meaning) lines.push(figure.kind === 'name' ? meaning : `= ${meaning}`);
  if (figure.approx) {
    const meaningOfApprox = approxMeaning(figure.approx, locale);
    lines.push(zh ? `约数：${figure.approx}（${meaningOfApprox}）` : `Approximate: ${figure.approx} (${meaningOfApprox})`);
  }
  const printed = linesOf(model).block(figure.block)?.text.slice(figure.offset, figure.end) ?? figure.text;
  if (printed !== figure.text) lines.push(zh ? `原文写作 ${escapeMarkdown(printed)}` : `Printed as ${escapeMarkdown(printed)}`);
  if (figure.ranges.length > 1) {
    lines.push(zh ? `原文中分在 ${figure.ranges.length} 行，连起来读作 ${escapeMarkdown(figure.text)}` : `Split over ${figure.ranges.length} lines in the source; joined it reads ${escapeMarkdown(figure.text)}`);
  }
  for (const derived of derivedFigures(figure, model)) lines.push(derivedLine(derived, locale));
  lines.push(`> ${sentenceOf(figure, model)}`);
  return lines.join('\n\n');
}

/** One line for the CLI: text, kind and meaning. */
export function figureSummary(figure: Figure, locale: Locale): string {
  const meaning = figureMeaning(figure, locale);
  const meaningOfApprox = figure.approx ? approxMeaning(figure.approx, locale) : '';
  const approx = meaningOfApprox ? (locale === 'zh-cn' ? `（${meaningOfApprox}）` : ` (${meaningOfApprox})`) : '';
  return `${figure.text}  ${kindName(figure.kind, locale)}${meaning && figure.kind !== 'name' ? `  = ${meaning}` : ''}${approx}`;
}
