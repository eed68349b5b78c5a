// The outline of a version taken over from the version before (server/src/core/outline/carryOver.ts): after
// any sequence of edits within a line, each version's outline is the one built from its own readings, and
// the outline's symbols said to stand as before are the ones an editor would get for the new version.

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, defaultSettings, outlineStandsAsIn, type Analysis } from '../../server/src/core';
import { outlineBuilds } from '../../server/src/core/outline';
import { isDeepStrictEqual } from 'node:util';
import type { Block } from '../../server/src/core/model';
import { assembleOutline, outlineReadings, outlineSourceOf, placedRegionBylines, placedRegionInline, type Byline, type OutlineReadings } from '../../server/src/core/outline/build';
import { placedBoxHit, placedHeadings, placedTitleUnit } from '../../server/src/core/outline/boxPairing';
import type { LabelHit } from '../../server/src/core/outline/sections';
import type { TitleUnit } from '../../server/src/core/outline/titles';
import { movedOffset, movedStandsAsIn, sameReadings, standsAsIn, textChange, type TextChange } from '../../server/src/core/outline/carryOver';
import { toDocumentSymbols } from '../../server/src/lsp/convert';
import { readFixture } from '../helpers';
import { article } from '../labelPlacements';

/** Texts joined as one file, one blank line between. */
function concatenated(texts: readonly string[]): string {
  return texts.map((text) => text.trim()).join('\n\n') + '\n';
}

/** The outline assembled from the version's own readings (never taken over). */
function builtOutline(analysis: Analysis) {
  const lines = outlineSourceOf(analysis.model);
  return lines.fragmentCount === 0 ? [] : assembleOutline(lines, outlineReadings(analysis.model, lines));
}

const symbols = (analysis: Analysis) => JSON.stringify(toDocumentSymbols(analysis.model.lineIndex, analysis.outlineWithSpeakers('Speakers')));

describe('the outline taken over from the version before', () => {
  // Box labels, inline labels, bylines, the people quoted, a wrapped title; regions cut small so that edits
  // fall next to region ends as well as inside labelled lines, titles and bylines.
  const base = concatenated([
    readFixture('sample/sample.raw.article'),
    readFixture('outline/inline-dun-pm.article'),
    readFixture('outline/nested-paren-pt.article'),
    readFixture('news/nw011-pm.extracted.txt'),
    article('byline'),
  ]);
  // What is typed or deleted within a line: mostly ordinary characters and spaces (which keep the outline), and
  // what makes or unmakes a label, a title, a byline or a person quoted.
  const ordinary = fc.record({ insert: fc.constantFrom('的', 'a', '，', ' ', '。', ''), removed: fc.integer({ min: 0, max: 3 }) });
  const telling = fc.record({
    insert: fc.constantFrom('一、', '（二）', '信号二', '本报记者 王小明', '研究员王小明认为，', '“', '\u3000', '12', ''),
    removed: fc.integer({ min: 0, max: 12 }),
  });
  const edit = fc.record({
    // Where: anywhere in the text (in ten-thousandths: fast-check's doubles gather at 0 and 1), or inside the line
    // of an entry of the outline (a title, label, heading, byline or person quoted), a few characters on.
    at: fc.oneof(
      fc.integer({ min: 0, max: 9_999 }).map((n) => ({ anywhere: n / 10_000 })),
      fc.record({ entry: fc.nat(), into: fc.integer({ min: 1, max: 4 }) }),
    ),
    typed: fc.oneof({ arbitrary: ordinary, weight: 4 }, { arbitrary: telling, weight: 1 }),
    // Whether the outline of the version is asked before the next edit (only an outline built can be taken over).
    asked: fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 }),
  });

  type Place = { readonly anywhere: number } | { readonly entry: number; readonly into: number };

  /** Applies an edit within the line at `at` (what it removes stops at the line's end). */
  function editWithinLine(analysis: Analysis, text: string, at: Place, removed: number, insert: string): string {
    let offset: number;
    if ('anywhere' in at) offset = Math.floor(at.anywhere * text.length);
    else {
      // (Which builds the outline of the version before, asked or not.)
      const entries = analysis.outlineWithSpeakers('Speakers');
      offset = Math.min(text.length, entries[at.entry % entries.length].selectionStart + at.into);
    }
    const lineEnd = text.slice(offset).search(/[\r\n]|$/) + offset;
    return text.slice(0, offset) + insert + text.slice(Math.min(offset + removed, lineEnd));
  }

  it('is, after any sequence of edits within a line, the outline built from the version\'s own readings, and as afresh', function () {
    this.timeout(300_000);
    const carriedBefore = outlineBuilds.carried;
    let asBuilt = 0;
    fc.assert(
      fc.property(fc.constantFrom(400, 1_000, 4_000), fc.array(edit, { minLength: 1, maxLength: 8 }), (regionLength, edits) => {
        let text = base;
        let analysis = analyze(text, defaultSettings, undefined, { regionLength });
        void analysis.outline;
        for (const { at, typed, asked } of edits) {
          text = editWithinLine(analysis, text, at, typed.removed, typed.insert);
          analysis = analyze(text, defaultSettings, analysis);
          if (!asked) continue;
          assert.deepEqual(analysis.outline, builtOutline(analysis));
          asBuilt++;
        }
        assert.deepEqual(analysis.outlineWithSpeakers('Speakers'), analyze(text, defaultSettings).outlineWithSpeakers('Speakers'));
      }),
      { numRuns: 40, seed: 19 },
    );
    // Most edits were taken over, and not all: the test saw both.
    const carried = outlineBuilds.carried - carriedBefore;
    assert.ok(carried > asBuilt / 3 && carried < asBuilt, `${carried} of ${asBuilt} outlines taken over`);
  });

  it('stands as before exactly when an editor would get the same symbols, and says so for most edits within a line', function () {
    this.timeout(300_000);
    let standing = 0;
    let compared = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
        let text = base;
        let analysis = analyze(text, defaultSettings, undefined, { regionLength: 1_000 });
        for (const { at, typed } of edits) {
          const before = analysis;
          text = editWithinLine(analysis, text, at, typed.removed, typed.insert);
          analysis = analyze(text, defaultSettings, analysis);
          const stands = outlineStandsAsIn(before.outlineVersion('Speakers'), analysis.outlineVersion('Speakers'));
          // Said to stand: the same symbols. Not said to: either way (an entry on the edited line, after the edit, moved).
          if (stands) assert.equal(symbols(analysis), symbols(before));
          standing += stands ? 1 : 0;
          compared++;
        }
      }),
      { numRuns: 16, seed: 23 },
    );
    assert.ok(standing > compared / 3 && standing < compared, `${standing} of ${compared} stood as before`);
  });

  it('stands as before, when its outline and people quoted were both taken over from the version compared, as the full comparison says', function () {
    this.timeout(300_000);
    /** Of the comparisons that read only the edited line: how many stood and how many did not. */
    const shortcut = { stood: 0, moved: 0 };
    let compared = 0;
    fc.assert(
      fc.property(fc.constantFrom(400, 1_000, 4_000), fc.array(edit, { minLength: 1, maxLength: 8 }), (regionLength, edits) => {
        let text = base;
        let analysis = analyze(text, defaultSettings, undefined, { regionLength });
        // The version an editor was last answered for (not asked: the next version is compared with an older one).
        let shown = analysis.outlineVersion('Speakers');
        for (const { at, typed, asked } of edits) {
          text = editWithinLine(analysis, text, at, typed.removed, typed.insert);
          analysis = analyze(text, defaultSettings, analysis);
          if (!asked) continue;
          const later = analysis.outlineVersion('Speakers');
          const stands = outlineStandsAsIn(shown, later);
          assert.equal(stands, standsAsIn(shown, later, textChange(shown.text, later.text)));
          const read = movedStandsAsIn(shown, later);
          if (read !== undefined) shortcut[read ? 'stood' : 'moved']++;
          compared++;
          shown = later;
        }
      }),
      { numRuns: 30, seed: 31 },
    );
    const shortcuts = shortcut.stood + shortcut.moved;
    // Edits fall on entries' lines often here (they are what the test is about): a fifth is plenty.
    assert.ok(shortcuts > compared / 5 && shortcuts < compared, `${shortcuts} of ${compared} read from the edited line alone`);
    assert.ok(shortcut.stood > 0 && shortcut.moved > 0, `${shortcut.stood} stood, ${shortcut.moved} had an entry moved on the edited line`);
  });

  it('does not stand as before after a character typed before a person\'s first mention on its line (the people quoted taken over, moved)', () => {
    const before = analyze(base, defaultSettings, undefined, { regionLength: 1_000 });
    const shown = before.outlineVersion('Speakers');
    // A person first mentioned on a line that no other entry is on, after its first character.
    const lineOf = (offset: number) => base.lastIndexOf('\n', offset - 1) + 1;
    const person = shown.entries.find(
      (entry) => entry.kind === 'speaker' && entry.start > lineOf(entry.start) && !shown.entries.some((other) => other.kind !== 'speaker' && other.kind !== 'speakers' && lineOf(other.start) === lineOf(entry.start)),
    )!;
    const at = person.start - 1;
    const edited = base.slice(0, at) + '的' + base.slice(at);
    const after = analyze(edited, defaultSettings, before);
    const later = after.outlineVersion('Speakers');
    assert.equal(movedStandsAsIn(shown, later), false, 'the outline and the people quoted both taken over, an entry moved');
    assert.equal(outlineStandsAsIn(shown, later), false);
    assert.equal(standsAsIn(shown, later, textChange(shown.text, later.text)), false);
  });

  it('is built again, as afresh, after an edit inside a title\'s wrapped end, a byline, an inline label, or the spaces after the line before a label', () => {
    /** The outline of `text` edited at `at`, analysed from the version before with its outline built: taken over or not, as built and as afresh. */
    const assertAsBuilt = (text: string, at: number, insert: string): boolean => {
      const before = analyze(text, defaultSettings, undefined, { regionLength: 1_000 });
      void before.outline;
      const edited = text.slice(0, at) + insert + text.slice(at);
      const carriedBefore = outlineBuilds.carried;
      const after = analyze(edited, defaultSettings, before);
      assert.deepEqual(after.outline, builtOutline(after));
      assert.deepEqual(after.outline, analyze(edited, defaultSettings).outline);
      return outlineBuilds.carried > carriedBefore;
    };
    // 种业振兴跑出 / “加速度”: the title's end on the next line.
    const wrappedTitle = readFixture('news/nw016-ptl.extracted.txt');
    assert.equal(assertAsBuilt(wrappedTitle, wrappedTitle.indexOf('加速度') + 1, '的'), false);
    const labelled = analyze(base, defaultSettings);
    const entryAt = (kind: string, form?: string) => labelled.outline.find((entry) => entry.kind === kind && (form === undefined || entry.form === form))!;
    assert.equal(assertAsBuilt(base, entryAt('byline').selectionStart + 2, '的'), false);
    assert.equal(assertAsBuilt(base, entryAt('section', 'inline').selectionEnd - 2, '的'), false);
    // Spaces after the last line before a box label (the section before it ends where that line's text ends),
    // then a character typed among them: that line's text now ends further on.
    const label = entryAt('section', 'box').selectionStart;
    const lineBefore = base.slice(0, base.lastIndexOf('\n', label)).trimEnd().length;
    const spaced = base.slice(0, lineBefore) + '    ' + base.slice(lineBefore);
    assert.equal(assertAsBuilt(spaced, lineBefore + 2, '的'), false);
    // And an ordinary character in the middle of a body line is taken over.
    assert.equal(assertAsBuilt(spaced, spaced.indexOf('\n', label + 200) - 5, '的'), true);
  });

  it('finds two versions\' readings the same moved, region by region, exactly when everything they place is', function () {
    this.timeout(300_000);
    /** Everything the outline reads of a version, placed in the document. */
    const placedAll = ({ parts: { box, regions } }: OutlineReadings) => {
      const all = { box: [] as unknown[], titles: [] as unknown[], headings: [] as TitleUnit[], inline: [] as LabelHit[], bylines: [] as Byline[] };
      for (let i = 0; i < box.box.length; i++) all.box.push(placedBoxHit(box, i)) && all.titles.push(placedTitleUnit(box, i));
      for (let k = 0; k < box.surroundings.length; k++) placedHeadings(box, k, all.headings);
      for (let k = 0; k < regions.offsets.length; k++) placedRegionInline(regions, k, all.inline) && placedRegionBylines(regions, k, all.bylines);
      return all;
    };
    /** `value` as JSON, with every start and end moved by `change`. */
    const asJson = (value: unknown, change?: TextChange): unknown =>
      JSON.parse(JSON.stringify(value), (key, v) => (change && (key === 'start' || key === 'end') && typeof v === 'number' ? movedOffset(change, v) : v));
    let same = 0;
    let compared = 0;
    fc.assert(
      fc.property(fc.constantFrom(400, 1_000, 4_000), fc.array(edit, { minLength: 1, maxLength: 6 }), (regionLength, edits) => {
        let text = base;
        let analysis = analyze(text, defaultSettings, undefined, { regionLength });
        for (const { at, typed } of edits) {
          const before = analysis;
          text = editWithinLine(analysis, text, at, typed.removed, typed.insert);
          analysis = analyze(text, defaultSettings, analysis);
          const readingsOf = (a: Analysis) => outlineReadings(a.model, outlineSourceOf(a.model));
          const earlier = readingsOf(before);
          const later = readingsOf(analysis);
          const change = textChange(before.regions.text, analysis.regions.text);
          const block = ({ firstFragment, lastFragment, text, start, end }: Block) => ({ firstFragment, lastFragment, text, start, end });
          // What sameReadings compares besides what is placed region by region: the lines, the width, the title.
          const documentSame =
            earlier.fragmentCount === later.fragmentCount &&
            earlier.width === later.width &&
            later.documentEnd === movedOffset(change, earlier.documentEnd) &&
            isDeepStrictEqual(asJson([block(earlier.titleBlock), earlier.titleTail ?? null], change), asJson([block(later.titleBlock), later.titleTail ?? null]));
          const placedSame = isDeepStrictEqual(asJson(placedAll(earlier), change), asJson(placedAll(later)));
          // (Versions whose regions do not match one to one are not compared region by region: never the same.)
          const regionsMatch = earlier.parts.regions.offsets.length === later.parts.regions.offsets.length;
          const byRegion = sameReadings(earlier, later, change);
          assert.equal(byRegion, documentSame && placedSame && regionsMatch);
          same += byRegion ? 1 : 0;
          compared++;
        }
      }),
      { numRuns: 30, seed: 29 },
    );
    assert.ok(same > compared / 3 && same < compared, `${same} of ${compared} the same moved`);
  });

  it('does not stand as before across an edit that adds or removes a line break, nor moves an offset inside an edit', () => {
    const text = base;
    const analysis = analyze(text, defaultSettings);
    const at = text.indexOf('\n', 500);
    const split = analyze(text.slice(0, at) + '\n' + text.slice(at), defaultSettings, analysis);
    assert.equal(outlineStandsAsIn(analysis.outlineVersion('S'), split.outlineVersion('S')), false);
    const change = textChange('abcdef', 'abXYdef');
    assert.deepEqual(change, { start: 2, before: 3, after: 4 });
    assert.deepEqual([0, 1, 2, 3, 4, 6].map((offset) => movedOffset(change, offset)), [0, 1, NaN, NaN, 5, 7]);
  });
});
