// What reads as a section title's text, and what reads as the wrapped rest of a heading's line: one
// definition for the outline (outline/titles.ts) and the layout (breaks/decide.ts joinWrappedTitles).
// Text only: each caller adds what it reads of the lines around (widths, blank lines, labels).

import { isHan } from './charClasses';
import { SPEAKER_CUE } from './speakerCues';

/** The most characters a title holds. */
export const MAX_TITLE = 40;
/** A title never ends with these: the line continues. */
const CONTINUING_END = /[，、；：,;:（(“‘《—]$/;
const DATELINE = /^(据|本报|记者|新华社|来源|编者按|通讯员)|电（|（记者/;

/** Whether a piece of text can be a section title (`网络强国战略思想形成`, `如何成为Debian开发者？`). */
export function isTitleText(text: string, allowComma = true): boolean {
  if (text.length < 2 || text.length > MAX_TITLE) return false;
  if (/[。；;]/.test(text) || CONTINUING_END.test(text)) return false;
  if (!allowComma && /[，,：:]/.test(text)) return false;
  if (DATELINE.test(text)) return false;
  // Latin words (Debian, GOsa) count for nothing either way: the rest must be mostly Han.
  let han = 0;
  let other = 0;
  for (const ch of text) {
    if (isHan(ch)) han++;
    else if (!/[A-Za-z\s]/.test(ch)) other++;
  }
  return han >= 2 && han >= other;
}

/**
 * Whether a heading's line `first` may go on onto the line `second` (both compact): `first` ends no
 * sentence, and `second` is no longer than it (a heading in its larger type fills its line and goes on with
 * what is left), as they stood before the typesetter moved an opening quote or bracket, which no line may
 * end with, from the end of `first` to the start of `second` (`农业节水` / `“挤”出水来`); `second` carries
 * no sentence or clause mark and holds a Han character.
 */
export function mayWrapOnto(first: string, second: string): boolean {
  const moved = openingMarksAt(second);
  if (/[？！?!。]$/.test(first) || second.length - moved > first.length + moved) return false;
  return !/[，。、；：,;:]/.test(second) && /\p{Script=Han}/u.test(second);
}

/** How many opening quotes or brackets `text` starts with. */
function openingMarksAt(text: string): number {
  let count = 0;
  while (count < text.length && OPENING_MARKS.includes(text[count])) count++;
  return count;
}

const OPENING_MARKS = '“‘（(《「『【〈';

/**
 * Whether `second` reads as the wrapped rest of the heading's line `first` (both compact), beyond a word
 * or two: it may wrap onto it (mayWrapOnto), the two read as one title (a rest may be mostly quotation
 * marks: `水土流失治理由` / `“点”到“面”`) and it names no speaker's cue (`国家能源局发展规划司副司长尹` /
 * `若川表示`). `能源供应保障能力` / `再上台阶`, `交通运输领域` / `率先规模应用`.
 */
export function readsAsTitleRest(first: string, second: string): boolean {
  return mayWrapOnto(first, second) && second.length >= 2 && isTitleText(first + second, false) && !SPEAKER_CUE.test(second);
}

/** The most characters of a word or two ending a title on a line of its own (`车间`, `盖`). */
const TITLE_END = 3;

/**
 * Whether `second` is a word or two ending the title whose line is `first` (both compact): shorter than that
 * line, at most TITLE_END characters, after a line that closes no quote or bracket. Where something vouches
 * for the title (a label before it), the outline and the layout take such a line whatever its text.
 */
export function isTitleEnd(first: string, second: string): boolean {
  return second.length < first.length && second.length <= TITLE_END && !/[”》）]$/.test(first);
}
