// The outline: a flat table of contents (title, sections with label and title, bylines, headings),
// built once per model and nested into symbols at the edge.

import { derive, type ArticleModel } from './model';
import { parseBoxLabel } from './labels';

export type OutlineKind = 'title' | 'section' | 'heading' | 'byline';

export interface OutlineEntry {
  readonly kind: OutlineKind;
  /** 0 for the article title, 1 below it. */
  readonly level: number;
  /** What the outline shows: `信号一  网络强国战略思想形成`. */
  readonly name: string;
  readonly label?: string;
  readonly title?: string;
  /** Where the entry is declared (label or title), in source offsets. */
  readonly selectionStart: number;
  readonly selectionEnd: number;
  /** What the entry spans. */
  readonly start: number;
  readonly end: number;
}

export function outlineOf(model: ArticleModel): readonly OutlineEntry[] {
  return derive(model, 'outline', buildOutline);
}

function buildOutline(model: ArticleModel): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  const end = model.fragments.length > 0 ? model.fragments[model.fragments.length - 1].end : 0;
  for (const block of model.blocks) {
    if (block.role === 'title') {
      entries.push({ kind: 'title', level: 0, name: block.text, title: block.text, selectionStart: block.start, selectionEnd: block.end, start: block.start, end });
    } else if (block.role === 'label') {
      const label = parseBoxLabel(block.text)!;
      const titleBlock = model.blocks[block.index - 1]?.role === 'heading' ? model.blocks[block.index - 1] : undefined;
      const title = titleBlock?.text ?? '';
      entries.push({
        kind: 'section',
        level: 1,
        name: title ? `${label.text}  ${title}` : label.text,
        label: label.text,
        title,
        selectionStart: block.start,
        selectionEnd: block.end,
        start: block.start,
        end: block.end,
      });
    } else if (block.role === 'byline') {
      entries.push({ kind: 'byline', level: 1, name: block.text, selectionStart: block.start, selectionEnd: block.end, start: block.start, end: block.end });
    }
  }
  return entries;
}
