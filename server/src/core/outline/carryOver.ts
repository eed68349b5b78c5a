// The outline of a version taken from the version before it when what it reads is that version's, moved by the
// edit between them. Most edits of a long article change no label, title, heading or byline; building the
// outline again (a few thousand entries, most of a documentSymbol request after an edit) then gives the
// previous entries with their offsets moved.
//
// Why moving is exact: assembleOutline (build.ts) reads the readings (labels, titles, units, bylines, the
// title block) and where lines start and end, and of their offsets it only compares them, orders them and
// takes the least or greatest. An edit that adds and removes no line break moves every offset outside it
// by the same amount on each side (movedOffset), which keeps their order; so when the later readings are the
// earlier ones moved, and the edited line starts and ends where it did moved, the outline is the earlier one
// moved. Any offset at or inside the edit, where moving is not defined, and the outline is built again.

import { changedSpan, type DocumentText } from '../documentText';
import type { Label } from '../labels';
import type { Block } from '../model';
import { placedRegionBylines, placedRegionInline, type Byline, type OutlineReadings, type OutlineSource, type RegionReadings } from './build';
import { placedBoxHit, placedHeadings, placedTitleUnit, titlePart } from './boxPairing';
import type { LabelHit } from './sections';
import type { TitleUnit } from './titles';
import type { OutlineEntry } from './types';
import { firstIndex } from '../search';

/** Where two versions of a text differ: [start, before) of the earlier became [start, after) of the later. */
export interface TextChange {
  readonly start: number;
  readonly before: number;
  readonly after: number;
}

/** The change between two versions (each the other's but for one stretch). */
export function textChange(earlier: DocumentText, later: DocumentText): TextChange {
  const { prefix, suffix } = changedSpan(earlier, later);
  return { start: prefix, before: earlier.length - suffix, after: later.length - suffix };
}

/**
 * Where offset `offset` of the earlier text stands in the later one: before the change, where it was; after
 * it, moved by what the change added. NaN at the change's edges and inside it (an insertion leaves an
 * offset there either before or after the new text).
 */
export function movedOffset(change: TextChange, offset: number): number {
  if (offset < change.start) return offset;
  if (offset > change.before) return offset + (change.after - change.before);
  return NaN;
}

/** The longest change whose lines are looked at (a change holding no line break is within one line). */
const LONGEST_CHANGE = 10_000;

/** Whether the change adds or removes no line break (and is short enough to look at). */
export function withinOneLine(change: TextChange, earlier: DocumentText, later: DocumentText): boolean {
  if (change.before - change.start > LONGEST_CHANGE || change.after - change.start > LONGEST_CHANGE) return false;
  return !hasLineBreak(earlier.slice(change.start, change.before)) && !hasLineBreak(later.slice(change.start, change.after));
}

function hasLineBreak(text: string): boolean {
  return text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
}

/**
 * What a version's outline may be taken over from: the outline of the version it was analysed from, its
 * readings, the edit between them, and where that version's lines around the edit started and ended (the
 * only lines an edit within one line can move otherwise than by its length). Holds no line of that version.
 */
export interface EarlierOutline {
  readonly entries: readonly OutlineEntry[];
  readonly readings: OutlineReadings;
  readonly change: TextChange;
  /** The first of the lines around the edit, and each one's start and end, one pair after another. */
  readonly firstLine: number;
  readonly bounds: readonly number[];
}

/** What a later version (of `text`) may take over of `built` (of `earlierText`); undefined when the edit is not within one line. */
export function earlierOutline(
  built: { readonly entries: readonly OutlineEntry[]; readonly readings: OutlineReadings; readonly lines: OutlineSource },
  earlierText: DocumentText,
  text: DocumentText,
): EarlierOutline | undefined {
  const change = textChange(earlierText, text);
  if (!withinOneLine(change, earlierText, text)) return undefined;
  const { lines } = built;
  const count = lines.fragmentCount;
  // The last line starting at or before the edit, and the one after it (the edit may be in its leading space).
  const low = firstIndex(count, (i) => lines.fragmentStart(i) > change.start);
  const firstLine = Math.max(0, low - 1);
  const bounds: number[] = [];
  for (let i = firstLine; i <= Math.min(count - 1, low); i++) bounds.push(lines.fragmentStart(i), lines.fragmentEnd(i));
  return { entries: built.entries, readings: built.readings, change, firstLine, bounds };
}

/**
 * Entries (of an outline, or people quoted) that are another version's (`from`) with every offset moved by
 * `change`, none of them at or inside it; `firstAfterEdit` is the least of `from`'s offsets after the change's
 * start (Infinity when none). Whether they stand where `from` stood is then read from it alone (movedStandsAsIn).
 */
export interface MovedEntries {
  readonly from: readonly object[];
  readonly change: TextChange;
  readonly firstAfterEdit: number;
}

/** The earlier outline moved by its edit, when the later version's readings are the earlier's moved; else undefined. */
export function carriedOutline(earlier: EarlierOutline, later: { readonly readings: OutlineReadings; readonly lines: OutlineSource }): OutlineEntry[] | undefined {
  const { change } = earlier;
  if (!sameReadings(earlier.readings, later.readings, change) || !editedLineMoved(earlier, later.lines)) return undefined;
  const entries: OutlineEntry[] = [];
  let firstAfterEdit = Infinity;
  for (const entry of earlier.entries) {
    const moved = movedEntry(entry, change);
    if (!moved) return undefined;
    entries.push(moved);
    // Read here, where the entry's offsets are read anyway: the comparison with the symbols last sent then reads no entry.
    firstAfterEdit = leastAfter(change.start, firstAfterEdit, entry.selectionStart, entry.selectionEnd, entry.start, entry.end);
  }
  movedLists.set(entries, { from: earlier.entries, change, firstAfterEdit });
  return entries;
}

/** The outlines and the lists of people quoted taken over from the version before (carriedOutline, speakers.ts carriedSpeakers). */
export const movedLists = new WeakMap<readonly object[], MovedEntries>();

/** The least of an entry's offsets (`least` so far, `a`–`d`) after `start`. */
export function leastAfter(start: number, least: number, a: number, b: number, c: number, d: number): number {
  if (a > start && a < least) least = a;
  if (b > start && b < least) least = b;
  if (c > start && c < least) least = c;
  return d > start && d < least ? d : least;
}

/**
 * `entry` with its offsets moved: the same fields as build.ts gives each kind (a spread of the entry's own,
 * several thousand a version, cost ~3 µs each).
 */
function movedEntry(entry: OutlineEntry, change: TextChange): OutlineEntry | undefined {
  const selectionStart = movedOffset(change, entry.selectionStart);
  const selectionEnd = movedOffset(change, entry.selectionEnd);
  const start = movedOffset(change, entry.start);
  const end = movedOffset(change, entry.end);
  if (Number.isNaN(selectionStart + selectionEnd + start + end)) return undefined;
  const { kind, level, name, title } = entry;
  switch (kind) {
    case 'section':
      return { kind, level, name, label: entry.label, title, form: entry.form, selectionStart, selectionEnd, start, end };
    case 'title':
      return { kind, level, name, title, selectionStart, selectionEnd, start, end };
    case 'heading':
    case 'byline':
      return { kind, level, name, title, form: entry.form, selectionStart, selectionEnd, start, end };
    default:
      return { ...entry, selectionStart, selectionEnd, start, end };
  }
}

/**
 * Whether the lines around the edit start and end where they did, moved: with no line break added or removed,
 * every other line keeps its text (the number of lines is compared with the readings).
 */
function editedLineMoved(earlier: EarlierOutline, later: OutlineSource): boolean {
  const { bounds, firstLine, change } = earlier;
  for (let j = 0; j < bounds.length; j += 2) {
    const i = firstLine + j / 2;
    if (later.fragmentStart(i) !== movedOffset(change, bounds[j]) || later.fragmentEnd(i) !== movedOffset(change, bounds[j + 1])) return false;
  }
  return true;
}

/**
 * Whether `later` reads as `earlier` moved by `change`: the same lines, texts and numbers, every offset moved.
 * Compared region by region (the labels' parts are the regions): a region moved as a whole (movedRegions) that
 * reads the very same objects (its labels' and titles' readings, with the labels numbered and paired as before;
 * its inline label lines; its bylines) is not placed; any other's readings are placed in both versions and
 * compared. (Two versions whose regions do not match one to one are not compared: the outline is built again.)
 */
export function sameReadings(earlier: OutlineReadings, later: OutlineReadings, change: TextChange): boolean {
  if (earlier.fragmentCount !== later.fragmentCount || earlier.width !== later.width) return false;
  if (later.documentEnd !== movedOffset(change, earlier.documentEnd)) return false;
  if (!sameBlock(earlier.titleBlock, later.titleBlock, change) || !sameTail(earlier.titleTail, later.titleTail, change)) return false;
  const { box: a, regions: r } = earlier.parts;
  const { box: b, regions: s } = later.parts;
  if (s.offsets.length !== r.offsets.length || b.box.length !== a.box.length) return false;
  const moved = movedRegions(r, s, change);
  const standsMoved = (k: number) => moved[k] === 1 && a.surroundings[k] === b.surroundings[k];
  const labelsAsBefore = a.box === b.box && a.pairing === b.pairing;
  for (let i = 0; i < a.box.length; i++) {
    if (!(labelsAsBefore && standsMoved(a.box.part(i))) && !sameHit(placedBoxHit(a, i), placedBoxHit(b, i), change)) return false;
    const k = titlePart(a, i);
    if (!(labelsAsBefore && (k < 0 || standsMoved(k))) && !sameUnit(placedTitleUnit(a, i), placedTitleUnit(b, i), change)) return false;
  }
  for (let k = 0; k < moved.length; k++) {
    if (!standsMoved(k) && !sameUnits(placedHeadings(a, k), placedHeadings(b, k), change)) return false;
    if (!(moved[k] === 1 && r.inline[k] === s.inline[k]) && !sameHits(placedRegionInline(r, k), placedRegionInline(s, k), change)) return false;
    if (!(moved[k] === 1 && r.bylines[k] === s.bylines[k]) && !sameBylines(placedRegionBylines(r, k), placedRegionBylines(s, k), change)) return false;
  }
  return true;
}

/**
 * Which regions moved with the edit as a whole (1) and which did not (0): a region moved as a whole stands on
 * the same line number, and the text its readings read (its own and the lines in view) lies entirely before
 * the edit, where it was, or entirely after it, moved by what the edit added. Whatever it reads, placed, is
 * then what it read before, moved (movedOffset) — when it reads the very same objects.
 */
function movedRegions(a: RegionReadings, b: RegionReadings, change: TextChange): Uint8Array {
  const delta = change.after - change.before;
  const moved = new Uint8Array(a.offsets.length);
  for (let k = 0; k < moved.length; k++) {
    const before = a.viewEnds[k] < change.start && b.offsets[k] === a.offsets[k];
    const after = a.viewStarts[k] > change.before && b.offsets[k] === a.offsets[k] + delta;
    moved[k] = a.fragments[k] === b.fragments[k] && (before || after) ? 1 : 0;
  }
  return moved;
}

function sameBylines(a: readonly Byline[], b: readonly Byline[], change: TextChange): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i].text !== b[i].text || b[i].start !== movedOffset(change, a[i].start) || b[i].end !== movedOffset(change, a[i].end)) return false;
  }
  return true;
}

function sameHits(a: readonly LabelHit[], b: readonly LabelHit[], change: TextChange): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameHit(a[i], b[i], change)) return false;
  return true;
}

function sameHit(x: LabelHit, y: LabelHit, change: TextChange): boolean {
  if (x.fragment !== y.fragment || y.start !== movedOffset(change, x.start) || y.end !== movedOffset(change, x.end)) return false;
  return sameLabel(x.label, y.label) && sameUnit(x.inlineTitle, y.inlineTitle, change);
}

function sameUnits(a: readonly (TitleUnit | undefined)[], b: readonly (TitleUnit | undefined)[], change: TextChange): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameUnit(a[i], b[i], change)) return false;
  return true;
}

function sameUnit(a: TitleUnit | undefined, b: TitleUnit | undefined, change: TextChange): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.first === b.first && a.last === b.last && a.text === b.text && a.strong === b.strong && b.start === movedOffset(change, a.start) && b.end === movedOffset(change, a.end);
}

function sameLabel(a: Label, b: Label): boolean {
  return a === b || (a.text === b.text && a.series === b.series && a.style === b.style && a.number === b.number && a.form === b.form);
}

function sameBlock(a: Block, b: Block, change: TextChange): boolean {
  return (
    a.firstFragment === b.firstFragment && a.lastFragment === b.lastFragment && a.text === b.text && b.start === movedOffset(change, a.start) && b.end === movedOffset(change, a.end)
  );
}

function sameTail(a: OutlineReadings['titleTail'], b: OutlineReadings['titleTail'], change: TextChange): boolean {
  return a === undefined || b === undefined ? a === b : a.index === b.index && a.text === b.text && b.end === movedOffset(change, a.end);
}

/**
 * Whether `later` (a version's outline with speakers) gives the same document symbols as `earlier` (the
 * version before, `change` between them): entry for entry the same kind, level, name and detail, and every
 * offset at the same line and character. An offset before the change is there when it did not move; one on a
 * line after the change's line, when it moved by what the change added and the change adds and removes no line
 * break (`withinOneLine`); any other is not known to be.
 */
export function standsAsIn(
  earlier: { readonly entries: readonly OutlineEntry[]; readonly text: DocumentText },
  later: { readonly entries: readonly OutlineEntry[]; readonly text: DocumentText },
  change: TextChange,
): boolean {
  if (earlier.entries.length !== later.entries.length || !withinOneLine(change, earlier.text, later.text)) return false;
  const lineEnd = lineBreakAfter(earlier.text, change.before);
  const delta = change.after - change.before;
  const same = (a: number, b: number) => (a <= change.start ? b === a : a > lineEnd && b === a + delta);
  for (let i = 0; i < earlier.entries.length; i++) {
    const a = earlier.entries[i];
    const b = later.entries[i];
    if (a.kind !== b.kind || a.level !== b.level || a.name !== b.name || a.detail !== b.detail) return false;
    if (!same(a.selectionStart, b.selectionStart) || !same(a.selectionEnd, b.selectionEnd) || !same(a.start, b.start) || !same(a.end, b.end)) return false;
  }
  return true;
}

/**
 * `standsAsIn` for an outline with speakers whose outline and people quoted were both taken over from `earlier`'s
 * (undefined when they were not): every offset moved and none at or inside the edit, so each entry stands where
 * it stood unless it lies after the edit on the edited line. Reads no entry.
 */
export function movedStandsAsIn(earlier: OutlineParts, later: OutlineParts): boolean | undefined {
  const outline = movedLists.get(later.outline);
  const people = movedLists.get(later.speakers);
  if (outline?.from !== earlier.outline || people?.from !== earlier.speakers || earlier.groupName !== later.groupName) return undefined;
  const first = Math.min(outline.firstAfterEdit, people.firstAfterEdit);
  // (No offset after the edit stands, even on a last line without a line break: both Infinity.)
  return first === Infinity || first > lineBreakAfter(earlier.text, outline.change.before);
}

/** What a version's outline with speakers was made of. */
export interface OutlineParts {
  readonly outline: readonly object[];
  readonly speakers: readonly object[];
  readonly groupName: string;
  readonly text: DocumentText;
}

/** The last character of the first line break at or after `from` (of \r\n, its \n); Infinity when none. */
function lineBreakAfter(text: DocumentText, from: number): number {
  const newline = text.indexOf('\n', from);
  const end = newline < 0 ? text.length : newline;
  // A carriage return before the newline ends the line (alone, or as \r\n): read up to the newline only.
  for (let i = from; i < end; i++) if (text.charCodeAt(i) === 13) return text.charCodeAt(i + 1) === 10 ? i + 1 : i;
  return newline < 0 ? Infinity : newline;
}
