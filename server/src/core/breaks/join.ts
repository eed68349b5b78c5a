// "Join the whole paragraph": the edits that join every wrap of the block holding an offset.

import type { LineReader } from '../lines';
import type { LineBreak } from '../model';
import type { Edit } from '../rules/rule';

/** The edit joining one wrap: the line break and any blank lines become the joiner ('' or ' '). */
export function joinEdit(lineBreak: LineBreak): Edit {
  return { start: lineBreak.start, end: lineBreak.end, newText: lineBreak.joiner };
}

/** Join edits for all wraps of the block containing `offset` (empty when it has none), `lines` the document's (lines.ts). */
export function joinParagraphEdits(lines: Pick<LineReader, 'blockAt' | 'lineBreak'>, offset: number): Edit[] {
  const block = lines.blockAt(offset);
  if (!block) return [];
  const edits: Edit[] = [];
  for (let i = block.firstFragment; i < block.lastFragment; i++) edits.push(joinEdit(lines.lineBreak(i)));
  return edits;
}
