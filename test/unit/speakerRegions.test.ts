// The people quoted, read region by region and kept in the regions (speakers.ts speakersOfRegions):
// the same as the whole document read at once, wherever the regions are cut (also mid-passage, where a
// passage runs on from one region into the next), and after any edits, each version asking for its
// speakers so the next one takes over what the regions kept.

import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyze, analyzeInSteps, defaultSettings } from '../../server/src/core';
import { parseArticle, type Block } from '../../server/src/core/model';
import { compactString } from '../../server/src/core/compactText';
import { endsLikeSentence } from '../../server/src/core/outline/titles';
import { speakerMerges, speakerReads, speakersOf, speakersOfRegions, type Speaker, type SpeakerRegion } from '../../server/src/core/speakers';
import { FIXTURES, readFixture } from '../helpers';

/** The extractions of a share of the corpus copied for these tests, one blank line between (a long text with many speakers). */
function extractions(share: string): string {
  const dir = path.join(FIXTURES, 'corpus-check', share);
  const texts = readdirSync(dir).sort().filter((name) => name.endsWith('.extracted.txt')).map((name) => readFixture(`corpus-check/${share}/${name}`));
  return texts.map((text) => text.trim()).join('\n\n') + '\n';
}

/** Paragraphs the layout keeps apart mid-sentence, a name at the end of one and its verb opening the next. */
const SPLIT = [
  '今年以来，全市粮食生产形势总体平稳，各地加快推进高标准农田建设，夏粮收购工作有序开展，农民种粮的积极性明显提高，中国工程院院士、清华大学教授吴建平',
  '说，网络安全很重要，这几年各方面投入都在增加，效果也越来越明显。',
  '村民赵红梅把地交给了托管组织，种粮大户刘建军算起了丰收账，今年每亩地多收了两百斤，他笑着对记者',
  '说：“今年种粮的信心更足了，明年还要再多种一些。”',
].join('\n\n');

/** The blocks cut into regions before the blocks at `at` (ascending, from 0), each read where it stands. */
function regionsCut(blocks: readonly Block[], at: readonly number[]): SpeakerRegion[] {
  return at.map((first, k) => {
    const slice = blocks.slice(first, at[k + 1] ?? blocks.length);
    // Read where they stand (at = from): positions come out in the document's offsets.
    const offset = slice[0]?.start ?? 0;
    return { blocks: () => ({ blocks: slice, from: offset }), at: offset, reading: undefined };
  });
}

describe('people quoted, region by region', () => {
  const text = extractions('news-dev');

  for (const [name, article] of [
    ['paragraphs split mid-sentence', `标题在这里\n\n${SPLIT}\n`],
    ['the corpus extractions', `${extractions('dev')}\n${text}`],
  ]) {
    it(`finds in regions cut at any block, passages running on across the cuts included, what the whole text gives (${name})`, () => {
      const model = parseArticle(article);
      const whole = speakersOf(model);
      assert.ok(whole.length >= 3);
      const { blocks } = model;
      // Cuts in the middle of passages (a paragraph the layout split mid-sentence), and elsewhere.
      const open = blocks.flatMap((block, i) =>
        i > 0 && block.role === 'body' && blocks[i - 1].role === 'body' && !endsLikeSentence(compactString(blocks[i - 1].text)) ? [i] : [],
      );
      assert.ok(open.length >= 2, `${open.length} passages split`);
      for (const i of open) assert.deepEqual(speakersOfRegions(regionsCut(blocks, [0, i])), whole, `cut at block ${i}`);
      assert.deepEqual(speakersOfRegions(regionsCut(blocks, [0, ...open])), whole, 'cut at every split passage');
      fc.assert(
        fc.property(fc.uniqueArray(fc.integer({ min: 1, max: blocks.length - 1 }), { maxLength: 12 }), fc.subarray(open, { maxLength: Math.min(4, open.length) }), (cuts, atOpen) => {
          const at = [...new Set([0, ...cuts, ...atOpen])].sort((a, b) => a - b);
          const regions = regionsCut(blocks, at);
          // A region with no blocks at all, which a passage runs on across.
          regions.splice(Math.floor(regions.length / 2), 0, { blocks: () => ({ blocks: [], from: 0 }), at: 0, reading: undefined });
          assert.deepEqual(speakersOfRegions(regions), whole);
          // Again from what the regions kept.
          assert.deepEqual(speakersOfRegions(regions), whole);
        }),
        { numRuns: 40, seed: 16 },
      );
    });
  }

  it('gives, as names are found and lost over versions, what a fresh analysis gives (each region counts only names it has not counted)', () => {
    // A bare name after a quote all along, so that there are always names to check against the article.
    const start = `${text.slice(0, text.indexOf('。') + 1)}”周志远说，${text.slice(text.indexOf('。') + 1)}`;
    let edited = start;
    let previous = analyze(edited, defaultSettings, undefined, { regionLength: 300 });
    assert.ok(previous.speakers.length > 0);
    const pieces = ['研究员王小明认为，', '传承人李红梅', '”李红梅说，', '教授王小明说，“今年收成好多了。”', '”赵大庆说'];
    // Each piece put in, then taken out again in the reverse order: the set of names grows, then shrinks.
    const steps = [...pieces.map((piece, i) => ({ piece, add: true, at: (i + 0.5) / pieces.length })), ...[...pieces].reverse().map((piece) => ({ piece, add: false, at: 0 }))];
    for (const { piece, add, at } of steps) {
      if (add) {
        const offset = edited.indexOf('。', Math.floor(at * edited.length)) + 1;
        edited = edited.slice(0, offset) + piece + edited.slice(offset);
      } else {
        const offset = edited.indexOf(piece);
        edited = edited.slice(0, offset) + edited.slice(offset + piece.length);
      }
      previous = analyze(edited, defaultSettings, previous);
      const fresh = analyze(edited, defaultSettings, undefined, { regionLength: 1e9 });
      assert.deepEqual(previous.speakers, fresh.speakers, `${add ? 'with' : 'without'} ${piece}`);
    }
    assert.equal(edited, start);
  });

  for (const regionLength of [300, 2_000, 1e9]) {
    it(`gives after any edits, each version asked for its speakers first, what a fresh analysis gives (regions of ${regionLength} characters)`, function () {
      this.timeout(300_000);
      const insertions = ['\n', '\n\n', '。', '，', '的', '“', '”', '说', '记者', '教授张伟说，“今年收成好多了。”', '村民李红梅表示：', '\n\n”王强说'];
      const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), removed: fc.integer({ min: 0, max: 40 }), insert: fc.constantFrom(...insertions) });
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (edits) => {
          let edited = text;
          let previous = analyze(edited, defaultSettings, undefined, { regionLength });
          assert.ok(previous.speakers.length > 0);
          for (const { at, removed, insert } of edits) {
            const offset = Math.floor(at * edited.length);
            edited = edited.slice(0, offset) + insert + edited.slice(offset + removed);
            previous = analyze(edited, defaultSettings, previous);
            // Asked before anything places the regions: read from where they stood in the version before.
            const fresh = analyze(edited, defaultSettings, undefined, { regionLength: 1e9 });
            assert.deepEqual(previous.speakers, fresh.speakers);
            assert.deepEqual(previous.outlineWithSpeakers('Speakers'), fresh.outlineWithSpeakers('Speakers'));
          }
        }),
        { numRuns: 6, seed: 16 },
      );
    });
  }

  describe('taken over from the version before (speakers.ts carriedSpeakers)', () => {
    // A text with people quoted all through it, and the names of some of them (to type another mention of).
    const base = `${extractions('dev')}\n${text}`;
    const known = analyze(base, defaultSettings).speakers.map((speaker) => speaker.name);
    // What is typed: mostly what names no one, and now and then a name, a person quoted, a speech verb, a quote.
    const ordinary = fc.record({ insert: fc.constantFrom('的', '，', ' ', '。', 'a', ''), removed: fc.integer({ min: 0, max: 3 }) });
    const telling = fc.record({
      insert: fc.constantFrom(...known.slice(0, 6), '研究员王小明认为，', '”李红梅说，', '说', '“', '\n\n', ''),
      removed: fc.integer({ min: 0, max: 8 }),
    });
    const edit = fc.record({
      // Anywhere (in ten-thousandths), or at a person's first mention, a few characters before or into it.
      at: fc.oneof(fc.integer({ min: 0, max: 9_999 }).map((n) => ({ anywhere: n / 10_000 })), fc.record({ person: fc.nat(), by: fc.integer({ min: -3, max: 2 }) })),
      typed: fc.oneof({ arbitrary: ordinary, weight: 3 }, { arbitrary: telling, weight: 1 }),
      // Whether the version's speakers are asked before the next edit (only speakers merged can be taken over).
      asked: fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 }),
    });

    it('are, after any sequence of edits, those of a fresh analysis, and are taken over after most edits', function () {
      this.timeout(300_000);
      const carriedBefore = speakerMerges.carried;
      let asked = 0;
      fc.assert(
        fc.property(fc.constantFrom(300, 1_000, 4_000), fc.array(edit, { minLength: 1, maxLength: 6 }), (regionLength, edits) => {
          let edited = base;
          let analysis = analyze(edited, defaultSettings, undefined, { regionLength });
          void analysis.speakers;
          for (const { at, typed, asked: ask } of edits) {
            const people = analysis.speakers;
            const offset = 'anywhere' in at ? Math.floor(at.anywhere * edited.length) : Math.max(0, people[at.person % people.length].start + at.by);
            edited = edited.slice(0, offset) + typed.insert + edited.slice(offset + typed.removed);
            analysis = analyze(edited, defaultSettings, analysis);
            if (!ask) continue;
            assert.deepEqual(analysis.speakers, analyze(edited, defaultSettings, undefined, { regionLength: 1e9 }).speakers);
            asked++;
          }
        }),
        { numRuns: 30, seed: 24 },
      );
      // Most versions were taken over, and not all: the test saw both.
      const carried = speakerMerges.carried - carriedBefore;
      assert.ok(carried > asked / 3 && carried < asked, `${carried} of ${asked} versions' speakers taken over`);
    });

    /** The speakers of `text` edited at `at` (analysed from the version before, its speakers merged), and whether they were taken over. */
    const edited = (text: string, at: number, insert: string) => {
      const before = analyze(text, defaultSettings, undefined, { regionLength: 1_000 });
      void before.speakers;
      const after = analyze(text.slice(0, at) + insert + text.slice(at), defaultSettings, before);
      const carriedBefore = speakerMerges.carried;
      assert.deepEqual(after.speakers, analyze(text.slice(0, at) + insert + text.slice(at), defaultSettings, undefined, { regionLength: 1e9 }).speakers);
      return { carried: speakerMerges.carried > carriedBefore, before: before.speakers, after: after.speakers };
    };

    it('are moved when an edit moves a first mention, and merged again when a count, a first mention or a name introduced changes', () => {
      const people = analyze(base, defaultSettings).speakers;
      // The person mentioned most often, somewhere past the start.
      const person = [...people].filter((p) => p.start > 1_000).sort((a, b) => b.mentions - a.mentions)[0];
      assert.ok(person.mentions >= 2, `${person.name}: ${person.mentions} mentions`);
      const named = (list: readonly Speaker[]) => list.find((p) => p.name === person.name)!;
      // A character typed in the sentence before the first mention: taken over, the mention moved by one.
      const moved = edited(base, base.lastIndexOf('。', person.start), '的');
      assert.ok(moved.carried);
      assert.equal(named(moved.after).start, named(moved.before).start + 1);
      // The name once more, where it makes no one a speaker: in the sentence after its first mention (the count
      // changes), before it (so does the first mention), and early in the text, in a region that never named it.
      for (const at of [base.indexOf('。', person.end), base.lastIndexOf('。', person.start), base.indexOf('。', 200)]) {
        const again = edited(base, at, person.name);
        assert.equal(named(again.after).mentions, person.mentions + 1);
        assert.equal(again.carried, false);
      }
      // A bare name after a quote (to be checked), then introduced with a title elsewhere: a speaker from then on.
      const quoted = `${base.slice(0, base.indexOf('。') + 1)}”周志远说，${base.slice(base.indexOf('。') + 1)}`;
      const introduced = edited(quoted, quoted.indexOf('。', Math.floor(quoted.length / 2)), '，传承人周志远');
      assert.ok(!introduced.before.some((p) => p.name === '周志远') && introduced.after.some((p) => p.name === '周志远'));
      assert.equal(introduced.carried, false);
    });
  });

  it("reads them in the analysis's steps when asked to (speakers: 'in-steps', the language server), with pauses, and only then: the same answers", async () => {
    const settings = defaultSettings;
    // Long enough that reading its passages takes more than one step.
    const text = `${extractions('dev')}\n${extractions('news-dev')}`;
    assert.ok(text.length > 40_000, `${text.length} characters`);
    const inSteps = async (speakers?: 'in-steps') => {
      let pauses = 0;
      const before = speakerReads.regions;
      const analysis = await analyzeInSteps(text, settings, undefined, async () => void pauses++, { regionLength: 2_000, speakers });
      return { analysis, pauses, read: speakerReads.regions - before };
    };
    const plain = await inSteps();
    const read = await inSteps('in-steps');
    const regions = read.analysis.regions.list;
    assert.ok(regions.length >= 10, `${regions.length} regions`);
    // Every region read during the steps, none without the option.
    assert.equal(read.read, regions.length);
    assert.ok(regions.every((region) => region.speakers !== undefined));
    assert.equal(plain.read, 0);
    assert.ok(plain.analysis.regions.list.every((region) => region.speakers === undefined));
    // Reading them took steps of its own (a pause per READ_PER_STEP characters read).
    assert.ok(read.pauses > plain.pauses, `${read.pauses} against ${plain.pauses} pauses`);
    // Asked afterwards, they are there: no region is read again, and they are what asking gives.
    const before = speakerReads.regions;
    const speakers = read.analysis.outlineWithSpeakers('Speakers');
    assert.equal(speakerReads.regions, before);
    assert.ok(read.analysis.speakers.length > 0);
    assert.deepEqual(speakers, plain.analysis.outlineWithSpeakers('Speakers'));
    assert.deepEqual(read.analysis.speakers, analyze(text, settings, undefined, { regionLength: 1e9 }).speakers);
    // An edit after it reads again only the regions it laid out again (the one it changed and those that see it), and gives what a fresh analysis gives.
    const at = text.indexOf('。', Math.floor(text.length / 2)) + 1;
    const edited = `${text.slice(0, at)}教授张伟说，“今年收成好多了。”${text.slice(at)}`;
    const next = analyze(edited, settings, read.analysis);
    const beforeEdit = speakerReads.regions;
    assert.deepEqual(next.speakers, analyze(edited, settings, undefined, { regionLength: 1e9 }).speakers);
    assert.ok(speakerReads.regions - beforeEdit <= 3, `${speakerReads.regions - beforeEdit} regions read after the edit`);
  });
});
