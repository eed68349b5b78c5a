// How a figure reads to people: Markdown for the hover, one line for the CLI.

import type { Figure } from './figures';
import type { ArticleModel } from './model';
import type { Locale } from './settings';

export function describeFigure(figure: Figure, _model: ArticleModel, locale: Locale): string {
  const value = figure.value === null ? '' : ` = ${figure.value.toLocaleString('en-US')}`;
  return locale === 'zh-cn' ? `**${figure.text}**${value}（${figure.kind}）` : `**${figure.text}**${value} (${figure.kind})`;
}

export function figureSummary(figure: Figure, locale: Locale): string {
  const value = figure.value === null ? '' : ` = ${figure.value.toLocaleString('en-US')}`;
  return locale === 'zh-cn' ? `${figure.text}${value}（${figure.kind}）` : `${figure.text}${value} (${figure.kind})`;
}
