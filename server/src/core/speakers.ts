// The people quoted in an article, a reader's second way through it: 中国工程院院士、清华大学教授
// 吴建平说 → 吴建平 (中国工程院院士、清华大学教授). Unnamed sources (专家认为, 企业负责人说) are not
// people and are left out.

import { CodeSet, isHan } from './charClasses';
import type { ArticleModel, Block } from './model';
import { ModelSlot, steppedPart, type SteppedPart, type Steps } from './parts';
import { compactString } from './compactText';
import { compactSourceAt } from './outline/compact';
import { lastAtMost } from './search';
import { endsLikeSentence } from './outline/titles';
import { leastAfter, movedLists, movedOffset, type TextChange } from './outline/carryOver';
import {
  ADVERBS_BEFORE_VERB, CLAUSE_OPENERS, IN_VIEW_OF, ROLE_WORDS, SPEECH_VERBS, TITLES_AFTER_NAME, endsLikeRole, isRoleEnd, startsWithSurname,
} from './outline/personNames';

export interface Speaker {
  readonly name: string;
  /** Title or affiliation as printed before the name, '' when none is given. */
  readonly role: string;
  /** Source range of the name's first mention. */
  readonly start: number;
  readonly end: number;
  /** How many times the name occurs in the article's text. */
  readonly mentions: number;
}

interface Found {
  readonly name: string;
  readonly role: string;
}

/**
 * Named people quoted in the article, in order of first mention. A stepped part: a document's regions are
 * read with pauses between them when the analysis reads the speakers in its steps (regions.ts, for the
 * language server), at once when first asked otherwise.
 */
export const speakersOf: SteppedPart<readonly Speaker[]> = steppedPart(function* (model): Steps<readonly Speaker[]> {
  const regions = regionsOf.get(model);
  if (!regions) return yield* speakerSteps([{ blocks: () => ({ blocks: model.blocks, from: 0 }), at: 0, reading: undefined }]);
  const earlier = versionBefore.get(model);
  versionBefore.delete(model);
  return yield* speakerSteps(regions(), earlier, (merged) => mergedOf.set(model, merged));
});

/** Models whose speakers are found region by region (a document's): set as the model is made. */
const regionsOf = new ModelSlot<() => readonly SpeakerRegion[]>();

/** Declares, as `model` is made and before anything asks, the regions its speakers are read from. */
export function findSpeakersWith(model: ArticleModel, regions: () => readonly SpeakerRegion[]): void {
  regionsOf.set(model, regions);
}

/** What each version's speakers were merged from, for the next version to take them over. */
const mergedOf = new ModelSlot<MergedSpeakers>();

/** For a version analysed from one whose speakers were merged, those and the edit between them, until its own are. */
const versionBefore = new ModelSlot<EarlierSpeakers>();

/**
 * Declares that `model` was analysed from `earlier` (`change` between their texts): its speakers may be taken
 * over from that one's, moved, if they were merged and what the regions read is theirs (carriedSpeakers).
 */
export function speakersFollow(model: ArticleModel, earlier: ArticleModel, change: () => TextChange): void {
  const merged = mergedOf.get(earlier);
  // The change is found now: kept as a function, it would keep the earlier version's text alive with this version.
  if (model !== earlier && merged) versionBefore.set(model, { merged, change: change() });
}

/**
 * How many regions' passages have been read for speakers (`readRegion`), in this process: lets a test see
 * whether a region was read before a request asked, or again when nothing it read changed.
 */
export const speakerReads = { regions: 0 };

/** How many versions' speakers were taken over from the version before (for tests: that the taking over is exercised). */
export const speakerMerges = { carried: 0 };

/** Characters of passages read between two pauses of `speakerSteps` (about a millisecond's reading). */
const READ_PER_STEP = 16_000;

/** Marks that end a clause, by code (walking back over a clause reads one character at a time). */
const CLAUSE_BOUNDARY = new CodeSet('。！？；，：“”‘’「」『』!?;,:');
/** After a role word, a third character like these means the name has two characters (王强算了笔账). */
const VERB_START = new Set('说表认指介强算告在是把将从对向已也都就正又还曾则带给让和与跟同');

/**
 * A region of a document as the speakers read it: its blocks, as they stand in the parts they are read
 * from (where the region starts at `from`), and where the region stands now (`at`). What its passages say
 * is kept in it (`reading`), so a region an edit left alone is not read again.
 */
export interface SpeakerRegion {
  /** Its blocks in order, and the offset the region starts at where they are read from. */
  blocks(): { readonly blocks: readonly Block[]; readonly from: number };
  readonly at: number;
  reading: SpeakerReading | undefined;
}

/**
 * What a region's body passages, read alone, say about speakers, in the region's own offsets. Passages
 * never cross a region's end but where the region's last passage ends without a sentence end and the next
 * region opens with body text; such a run is read again as a whole in every version. Kept small: each list
 * is one packed string (`Packer`), not objects by the thousand (a 10 MB article has ~2,000 regions).
 */
export interface SpeakerReading {
  /** Its first block is body: its first passage runs on from an unfinished one before. */
  readonly opensBody: boolean;
  /** Its last passage ends without a sentence end, at the region's end: a passage after it would join it. */
  readonly endsOpen: boolean;
  /** It has no blocks: a passage runs on across it. */
  readonly empty: boolean;
  /** The candidates its passages gave, as remembered over them alone (a name once, by its first mention): name, role, … */
  readonly found: string;
  /** Bare names after a quote, to be checked against the whole article. */
  readonly unconfirmed: string;
  /** Of the names to be checked (their key: `introducedFor`), those it introduces with a title, in order. */
  introducedFor?: string;
  introduced?: string;
  /**
   * How often the names found in the article (their key: `mentionsFor`) occur in it, and where first:
   * per name that occurs, its place in the key, its count, and its first mention's start and length (region offsets).
   */
  mentionsFor?: string;
  mentions?: string;
}

/** Integers and strings packed into one string, 15 bits of a number per code unit (its sign in the lowest bit). */
class Packer {
  private readonly parts: string[] = [];

  number(value: number): this {
    let n = value < 0 ? -2 * value - 1 : 2 * value;
    while (n >= 0x8000) {
      this.parts.push(String.fromCharCode(0x8000 | n % 0x8000));
      n = Math.floor(n / 0x8000);
    }
    this.parts.push(String.fromCharCode(n));
    return this;
  }

  string(text: string): this {
    this.number(text.length);
    this.parts.push(text);
    return this;
  }

  /** One flat string, sharing no memory with the strings packed. */
  done(): string {
    return this.parts.join('');
  }
}

class Unpacker {
  private at = 0;

  constructor(private readonly packed: string) {}

  get more(): boolean {
    return this.at < this.packed.length;
  }

  number(): number {
    let n = 0;
    for (let scale = 1; ; scale *= 0x8000) {
      const code = this.packed.charCodeAt(this.at++);
      n += (code & 0x7fff) * scale;
      if (code < 0x8000) return n % 2 === 0 ? n / 2 : -(n + 1) / 2;
    }
  }

  string(): string {
    const length = this.number();
    this.at += length;
    return this.packed.slice(this.at - length, this.at);
  }
}

function packStrings(list: Iterable<string>): string {
  const packer = new Packer();
  for (const text of list) packer.string(text);
  return packer.done();
}

function* unpackStrings(packed: string): Generator<string> {
  for (const unpacker = new Unpacker(packed); unpacker.more; ) yield unpacker.string();
}

/** A region's passages read alone, with where their characters stand in the region. */
function regionPassages(region: SpeakerRegion): ReturnType<typeof bodyPassages> {
  const { blocks, from } = region.blocks();
  return bodyPassages([{ blocks, shift: -from }]);
}

function readRegion(passages: ReturnType<typeof bodyPassages>): SpeakerReading {
  speakerReads.regions++;
  const found = new Map<string, Found>();
  const unconfirmed = new Set<string>();
  const remember = rememberInto(found);
  for (const passage of passages.list) {
    byVerb(passage.text, remember, unconfirmed);
    byQuote(passage.text, remember);
  }
  const packed = new Packer();
  for (const { name, role } of found.values()) packed.string(name).string(role);
  return {
    opensBody: passages.opensBody,
    endsOpen: passages.endsOpen,
    empty: passages.empty,
    found: packed.done(),
    unconfirmed: packStrings(unconfirmed),
  };
}

/** "First found wins unless a later one adds a role." */
function rememberInto(found: Map<string, Found>): (candidate: Found | undefined) => void {
  return (candidate) => {
    if (!candidate) return;
    const known = found.get(candidate.name);
    if (!known || (!known.role && candidate.role)) found.set(candidate.name, candidate);
  };
}

/** A set of names in one order (the same for the same set, in whatever order they came). */
function sortedNames(names: Iterable<string>): string[] {
  return [...names].sort();
}

/**
 * The speakers of a document from its regions, in document order: each region's passages are read once
 * and kept in it; only runs of passages that cross a region's end are read again, with what is settled
 * over the whole document (which names a title introduces, how often each name occurs).
 */
export function speakersOfRegions(regions: readonly SpeakerRegion[]): Speaker[] {
  const steps = speakerSteps(regions);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `speakersOfRegions` with a pause (`yield`) after every READ_PER_STEP characters of passages read. Given the
 * version before (`earlier`), its speakers moved when every region reads as it did there (carriedSpeakers);
 * `keep` is handed what these speakers were merged from, for the version after.
 */
export function* speakerSteps(regions: readonly SpeakerRegion[], earlier?: EarlierSpeakers, keep?: (merged: MergedSpeakers) => void): Steps<Speaker[]> {
  /** Characters of passages read since the last pause. */
  let read = 0;
  // A region's passages are put together again by each pass that reads them, not kept from one pass to the
  // next: kept, every region's passages lived until the last pass (a clean 10 MB article's ~45 MB of strings
  // and arrays outliving the young generation, to be collected only by a full collection: the language
  // server's resident memory right after a first analysis and its outline 277–323 → 244–255 MB), for ~1 %
  // more instructions in the first analysis (putting them together is cheap beside reading them).
  const counted = (list: readonly Passage[]): void => {
    for (const passage of list) read += passage.text.length;
  };
  /** Whether a pause is due (taken between two units, each read whole: what a region keeps is never left half-written). */
  const due = (): boolean => {
    if (read < READ_PER_STEP) return false;
    read = 0;
    return true;
  };
  // Units in document order: a region read alone, or a run of regions whose passages join across their ends.
  const units: Array<SpeakerRegion | Passage[]> = [];
  let run: SpeakerRegion[] = [];
  let open = false;
  const endRun = (): void => {
    if (run.length === 1) units.push(run[0]);
    else if (run.length > 1) {
      const joined = bodyPassages(run.map((region) => {
        const { blocks, from } = region.blocks();
        return { blocks, shift: region.at - from };
      }));
      units.push(joined.list);
    }
    run = [];
  };
  for (const region of regions) {
    if (due()) yield;
    if (!region.reading) {
      const list = regionPassages(region);
      region.reading = readRegion(list);
      counted(list.list);
    }
    const reading = region.reading;
    if (reading.empty) {
      // A passage left open runs on across it; else it is a unit of its own (of nothing).
      if (open) run.push(region);
      else {
        endRun();
        units.push(region);
      }
      continue;
    }
    if (!(open && reading.opensBody)) endRun();
    run.push(region);
    open = reading.endsOpen;
  }
  endRun();
  const carried = earlier && carriedSpeakers(units, earlier);
  if (carried) {
    speakerMerges.carried++;
    keep?.(mergedFrom(carried, units, earlier.merged.introducedKey, earlier.merged.mentionsKey));
    return carried;
  }

  const found = new Map<string, Found>();
  const remember = rememberInto(found);
  const unconfirmed = new Set<string>();
  for (const unit of units) {
    if (Array.isArray(unit)) {
      for (const passage of unit) {
        // Candidates are handed over as found (a generator per passage cost more memory than the search).
        byVerb(passage.text, remember, unconfirmed);
        byQuote(passage.text, remember);
      }
      continue;
    }
    for (const candidates = new Unpacker(unit.reading!.found); candidates.more; ) remember({ name: candidates.string(), role: candidates.string() });
    for (const name of unpackStrings(unit.reading!.unconfirmed)) unconfirmed.add(name);
  }
  // A bare name after a quote (”杨秀英说) counts once the article introduces it with a title somewhere
  // (苗族蜡染传承人杨秀英): a word that merely looks like a name (”文件指出) is not introduced so.
  let introducedKey: string | undefined;
  if (unconfirmed.size > 0) {
    const key = sharedKey(packStrings(sortedNames(unconfirmed)), units, (reading) => reading.introducedFor);
    introducedKey = key;
    const introduced = new Set<string>();
    // The sets of names regions checked in earlier versions, with the names of this version each lacks.
    const checkedBefore = new Map<string, number>();
    const lacks = (kept: string): number => {
      let count = checkedBefore.get(kept);
      if (count === undefined) checkedBefore.set(kept, (count = notCountedIn(kept, unconfirmed).length));
      return count;
    };
    for (const unit of units) {
      if (due()) yield;
      if (Array.isArray(unit)) {
        for (const name of introducedWithTitle(unit, unconfirmed)) introduced.add(name);
        continue;
      }
      const reading = unit.reading!;
      // Read again only if some name to check was not checked before: of a set that only lost names,
      // what was introduced is the same but for those names (passed over below).
      if (reading.introduced === undefined || (reading.introducedFor !== key && lacks(reading.introducedFor!) > 0)) {
        const { list } = regionPassages(unit);
        reading.introduced = packStrings(introducedWithTitle(list, unconfirmed));
        reading.introducedFor = key;
        counted(list);
      }
      for (const name of unpackStrings(reading.introduced)) if (unconfirmed.has(name)) introduced.add(name);
    }
    for (const name of introduced) remember({ name, role: '' });
  }
  const names = [...found.keys()];
  const mentions = new Map<string, Mentions>(names.map((name) => [name, { count: 0 }]));
  let mentionsKey: string | undefined;
  if (names.length > 0) {
    const sorted = sortedNames(names);
    const key = sharedKey(packStrings(sorted), units, (reading) => reading.mentionsFor);
    mentionsKey = key;
    let index: NameIndex | undefined;
    let place: Map<string, number> | undefined;
    // The sets of names regions counted in earlier versions (a name's count does not depend on the other
    // names looked for): each unpacked once, with the names of this version it lacks.
    const earlier = new Map<string, { readonly names: readonly string[]; readonly lacks: readonly string[]; index?: NameIndex; lacking?: ReadonlySet<string> }>();
    const countedBefore = (kept: string) => {
      let known = earlier.get(kept);
      if (!known) earlier.set(kept, (known = { names: [...unpackStrings(kept)], lacks: notCountedIn(kept, names) }));
      return known;
    };
    for (const unit of units) {
      if (due()) yield;
      if (Array.isArray(unit)) {
        countMentions(unit, (index ??= nameIndex(names)), mentions, mentions);
        continue;
      }
      const reading = unit.reading!;
      /** The names the region's counts are numbered by. */
      let numbered: readonly string[] = sorted;
      if (reading.mentionsFor !== key || reading.mentions === undefined) {
        const before = reading.mentions === undefined ? undefined : countedBefore(reading.mentionsFor!);
        // Every name of this version counted before: the counts of names no longer found are passed over.
        if (before && before.lacks.length === 0) numbered = before.names;
        else {
          // Only the names not counted before are counted (all of them the first time); `own` holds those the
          // region mentions. (A map of every name per region, filled or not, was O(regions × names): 0.9 GB
          // made and dropped while a clean 10 MB article's ~4,000 names were counted in its 1,900 regions.)
          const own = new Map<string, Mentions>();
          const { list } = regionPassages(unit);
          if (before) countMentions(list, (before.index ??= nameIndex(before.lacks)), (before.lacking ??= new Set(before.lacks)), own);
          else countMentions(list, (index ??= nameIndex(names)), mentions, own);
          place ??= new Map(sorted.map((name, i) => [name, i]));
          const packed = new Packer();
          for (const counts = new Unpacker(before ? reading.mentions! : ''); counts.more; ) {
            const at = place.get(before!.names[counts.number()]);
            const count = counts.number();
            const start = counts.number();
            const length = counts.number();
            if (at !== undefined) packed.number(at).number(count).number(start).number(length);
          }
          packOwnMentions(packed, own, place);
          reading.mentions = packed.done();
          reading.mentionsFor = key;
          counted(list);
        }
      }
      for (const counts = new Unpacker(reading.mentions!); counts.more; ) {
        const counted = mentions.get(numbered[counts.number()]);
        const count = counts.number();
        const start = counts.number() + unit.at;
        const length = counts.number();
        if (!counted) continue;
        counted.count += count;
        counted.first ??= { start, end: start + length };
      }
    }
  }
  const cut = cutsOfLongerNames(mentions);
  const speakers: Speaker[] = [];
  for (const { name, role } of found.values()) {
    const counted = mentions.get(name);
    if (counted?.first && !cut.has(name)) speakers.push({ name, role, ...counted.first, mentions: counted.count });
  }
  speakers.sort((a, b) => a.start - b.start);
  if (keep && !units.some((unit) => Array.isArray(unit))) keep(mergedFrom(speakers, units, introducedKey, mentionsKey));
  return speakers;
}

/** What a region's reading held when a version's speakers were merged (the reading's own fields may be counted again later). */
interface MergedRegion {
  readonly at: number;
  readonly reading: SpeakerReading;
  readonly introducedFor: string | undefined;
  readonly introduced: string | undefined;
  readonly mentionsFor: string | undefined;
  readonly mentions: string | undefined;
}

/**
 * What a version's speakers were merged from, each region read alone (no passage running on across a cut):
 * every region's reading where it stood, and the names checked for a title (their key) and counted (theirs).
 */
export interface MergedSpeakers {
  readonly speakers: readonly Speaker[];
  readonly regions: readonly MergedRegion[];
  readonly introducedKey: string | undefined;
  readonly mentionsKey: string | undefined;
}

/** The version before's merged speakers and the edit between its text and this version's. */
export interface EarlierSpeakers {
  readonly merged: MergedSpeakers;
  readonly change: TextChange;
}

function mergedFrom(speakers: readonly Speaker[], units: ReadonlyArray<SpeakerRegion | Passage[]>, introducedKey: string | undefined, mentionsKey: string | undefined): MergedSpeakers {
  const regions = (units as readonly SpeakerRegion[]).map(({ at, reading }): MergedRegion => {
    const { introducedFor, introduced, mentionsFor, mentions } = reading!;
    return { at, reading: reading!, introducedFor, introduced, mentionsFor, mentions };
  });
  return { speakers, regions, introducedKey, mentionsKey };
}

/**
 * The earlier version's speakers moved by the edit, when this version's regions read as its regions did, moved:
 * the same regions where they stood (moved), each reading the same (a region taken over) or, for one read again,
 * the same candidates and names to check, the same names introduced with a title, and the same counts with each
 * first mention moved. The merge (speakerSteps) then gives the same people, roles and counts, with every first
 * mention moved; undefined when anything differs, or a passage runs on across a cut.
 *
 * What it saves: the merge unpacks every region's reading and counts (a 1 MB article's ~250 regions, ~1.2 MB made
 * per version); this compares what the regions laid out again read, and takes the others by reference.
 */
function carriedSpeakers(units: ReadonlyArray<SpeakerRegion | Passage[]>, earlier: EarlierSpeakers): Speaker[] | undefined {
  const { merged } = earlier;
  if (units.length !== merged.regions.length) return undefined;
  const { change } = earlier;
  let unconfirmed: ReadonlySet<string> | undefined;
  let counting: Counting | undefined;
  const countingFor = (key: string): Counting => {
    if (counting) return counting;
    const names = [...unpackStrings(key)];
    return (counting = { sorted: names, index: nameIndex(names), names: new Set(names), place: new Map(names.map((name, i) => [name, i])), numbered: new Map() });
  };
  for (let k = 0; k < units.length; k++) {
    const unit = units[k];
    const was = merged.regions[k];
    if (Array.isArray(unit) || unit.at !== movedOffset(change, was.at)) return undefined;
    const reading = unit.reading!;
    if (
      reading === was.reading &&
      reading.introducedFor === was.introducedFor &&
      reading.introduced === was.introduced &&
      reading.mentionsFor === was.mentionsFor &&
      reading.mentions === was.mentions
    ) continue;
    const old = was.reading;
    if (reading.opensBody !== old.opensBody || reading.endsOpen !== old.endsOpen || reading.empty !== old.empty) return undefined;
    if (reading.found !== old.found || reading.unconfirmed !== old.unconfirmed) return undefined;
    let list: Passage[] | undefined;
    const { introducedKey, mentionsKey } = merged;
    if (introducedKey !== undefined) {
      if (was.introducedFor !== introducedKey) return undefined;
      if (reading.introducedFor !== introducedKey || reading.introduced === undefined) {
        list = regionPassages(unit).list;
        reading.introduced = packStrings(introducedWithTitle(list, (unconfirmed ??= new Set(unpackStrings(introducedKey)))));
        reading.introducedFor = introducedKey;
      }
      if (reading.introduced !== was.introduced) return undefined;
    }
    if (mentionsKey !== undefined) {
      if (was.mentionsFor === undefined || was.mentions === undefined) return undefined;
      const names = countingFor(mentionsKey);
      if (reading.mentionsFor !== mentionsKey || reading.mentions === undefined) {
        list ??= regionPassages(unit).list;
        const own = new Map<string, Mentions>();
        countMentions(list, names.index, names.names, own);
        reading.mentions = packOwnMentions(new Packer(), own, names.place).done();
        reading.mentionsFor = mentionsKey;
      }
      const before = regionMentions(was.mentions, was.at, numberedBy(names, was.mentionsFor, mentionsKey), names.names);
      const now = regionMentions(reading.mentions, unit.at, names.sorted, names.names);
      if (before.size !== now.size) return undefined;
      for (const [name, counted] of before) {
        const moved = now.get(name);
        if (moved?.count !== counted.count || moved.length !== counted.length || moved.start !== movedOffset(change, counted.start)) return undefined;
      }
    }
  }
  const speakers: Speaker[] = [];
  let firstAfterEdit = Infinity;
  for (const { name, role, start, end, mentions } of merged.speakers) {
    const moved = { name, role, start: movedOffset(change, start), end: movedOffset(change, end), mentions };
    if (Number.isNaN(moved.start + moved.end)) return undefined;
    speakers.push(moved);
    // Its entry's selection and range are both its first mention (outline.ts speakerEntries).
    firstAfterEdit = leastAfter(change.start, firstAfterEdit, start, end, start, end);
  }
  movedLists.set(speakers, { from: merged.speakers, change, firstAfterEdit });
  return speakers;
}

/** The names counted in one version (their key unpacked, sorted), and how to count and number them. */
interface Counting {
  readonly sorted: readonly string[];
  readonly index: NameIndex;
  readonly names: ReadonlySet<string>;
  readonly place: ReadonlyMap<string, number>;
  /** The names of other keys a region's counts are numbered by, unpacked once. */
  readonly numbered: Map<string, readonly string[]>;
}

/** The names a region's counts kept under `key` are numbered by (`counting`'s when it is the key counted now). */
function numberedBy(counting: Counting, key: string, current: string): readonly string[] {
  if (key === current) return counting.sorted;
  let names = counting.numbered.get(key);
  if (!names) counting.numbered.set(key, (names = [...unpackStrings(key)]));
  return names;
}

/**
 * A region's counts (packed, numbered by `numbered`) of the names in `names`, each with its count and first
 * mention (its start in the document: the region at `at`) — what the merge adds up of the region.
 */
function regionMentions(packed: string, at: number, numbered: readonly string[], names: ReadonlySet<string>): Map<string, { count: number; start: number; length: number }> {
  const counts = new Map<string, { count: number; start: number; length: number }>();
  for (const unpacker = new Unpacker(packed); unpacker.more; ) {
    const name = numbered[unpacker.number()];
    const count = unpacker.number();
    const start = unpacker.number() + at;
    const length = unpacker.number();
    if (names.has(name)) counts.set(name, { count, start, length });
  }
  return counts;
}

/** Packs a region's own counts: per name it mentions, its place among the names counted, its count, and its first mention's start and length. */
function packOwnMentions(packed: Packer, own: ReadonlyMap<string, Mentions>, place: ReadonlyMap<string, number>): Packer {
  for (const [name, { count, first }] of own) if (first) packed.number(place.get(name)!).number(count).number(first.start).number(first.end - first.start);
  return packed;
}

/** The names of `names` that the packed set `kept` lacks. */
function notCountedIn(kept: string, names: Iterable<string>): string[] {
  const had = new Set(unpackStrings(kept));
  return [...names].filter((name) => !had.has(name));
}

/**
 * `key`, or the equal string a region already keeps (compared once here, so that the regions compare
 * the same string after).
 */
function sharedKey(key: string, units: ReadonlyArray<SpeakerRegion | Passage[]>, kept: (reading: SpeakerReading) => string | undefined): string {
  for (const unit of units) {
    if (Array.isArray(unit)) continue;
    const known = kept(unit.reading!);
    if (known !== undefined) return known === key ? known : key;
  }
  return key;
}

/**
 * Names found that only ever occur as the start of a longer name also found (陈伟 of 陈伟强, cut short
 * because 强 could start 强调): every mention of the shorter one is then a mention of the longer one.
 */
function cutsOfLongerNames(mentions: ReadonlyMap<string, Mentions>): Set<string> {
  const cut = new Set<string>();
  for (const [longer, { count }] of mentions) {
    for (let length = 2; length < longer.length; length++) {
      const shorter = mentions.get(longer.slice(0, length));
      if (shorter && shorter.count <= count) cut.add(longer.slice(0, length));
    }
  }
  return cut;
}

/**
 * The names of `names` that occur somewhere right after a title or occupation (传承人杨秀英), in one pass
 * over the text: a search per name through the whole text would be quadratic in a long document.
 */
function introducedWithTitle(passages: readonly Passage[], names: ReadonlySet<string>): string[] {
  const introduced = new Set<string>();
  if (names.size === 0) return [];
  // A table of codes, read per character of every passage: no string made to ask. One table for every call,
  // marked for these names and cleared after (this runs to its end without yielding): a table made per
  // call was 64 KB outside V8's heap per region, 119 MB made and dropped while a clean 10 MB article was
  // read, which left the malloc heap of the idle server ~18 MB larger.
  const startsName = NAME_STARTS;
  for (const name of names) startsName[name.charCodeAt(0)] = 1;
  try {
    for (const { text } of passages) {
      for (let at = 1; at + 1 < text.length; at++) {
        if (startsName[text.charCodeAt(at)] === 0 || !isRoleEnd(text.charCodeAt(at - 1))) continue;
        for (let length = 2; length <= 4 && at + length <= text.length; length++) {
          const name = text.slice(at, at + length);
          if (names.has(name)) introduced.add(name);
        }
      }
    }
  } finally {
    for (const name of names) startsName[name.charCodeAt(0)] = 0;
  }
  return [...introduced];
}

/** introducedWithTitle's table: 1 where a code unit starts one of the names asked about, else 0 (between calls, 0 everywhere). */
const NAME_STARTS = new Uint8Array(0x10000);

/**
 * A run of body paragraphs read as one text; where its characters stand in the source is worked out only
 * when asked: each block's source offsets moved by its `shifts` (to where its region stands, or into the
 * region's own offsets).
 */
interface Passage {
  readonly text: string;
  readonly blocks: readonly Block[];
  readonly shifts: readonly number[];
  /** Where each block's compact text starts in `text`. */
  readonly starts: readonly number[];
}

interface Mentions {
  count: number;
  /** Source range of the first mention. */
  first?: { start: number; end: number };
}

/** Which code units start a name, and the lengths of the names by their first two characters. */
interface NameIndex {
  readonly startsName: Uint8Array;
  readonly lengthsByStart: ReadonlyMap<number, readonly number[]>;
}

function nameIndex(names: readonly string[]): NameIndex {
  // A position is looked at only if its character starts a name; then the lengths of the names that
  // start with its first two characters (two to four) say which strings to look up. (A list of names per
  // first two characters grew with the document: a long one has many names that differ in one character.)
  const startsName = new Uint8Array(0x10000);
  const lengthsByStart = new Map<number, number[]>();
  for (const name of names) {
    startsName[name.charCodeAt(0)] = 1;
    const key = pairAt(name, 0);
    const lengths = lengthsByStart.get(key);
    if (!lengths) lengthsByStart.set(key, [name.length]);
    else if (!lengths.includes(name.length)) lengths.push(name.length);
  }
  return { startsName, lengthsByStart };
}

/**
 * Counts in `counts` how often each name `looksFor` has (indexed by `index`) occurs in the passages
 * (occurrences of one name do not overlap), with where it first occurs, in one pass over the text for all
 * names: a search per name through the whole text was quadratic in a long document. A name gets its entry
 * in `counts` when first found.
 */
function countMentions(passages: readonly Passage[], { startsName, lengthsByStart }: NameIndex, looksFor: { has(name: string): boolean }, counts: Map<string, Mentions>): void {
  for (const passage of passages) {
    const { text } = passage;
    /** Where the next occurrence of a name may start in this passage (just past the last one); made when a name turns up. */
    let nextFrom: Map<string, number> | undefined;
    for (let at = 0; at + 1 < text.length; at++) {
      if (startsName[text.charCodeAt(at)] === 0) continue;
      const lengths = lengthsByStart.get(pairAt(text, at));
      if (!lengths) continue;
      for (const length of lengths) {
        if (at + length > text.length) continue;
        const name = text.slice(at, at + length);
        if (!looksFor.has(name) || at < (nextFrom?.get(name) ?? 0)) continue;
        let counted = counts.get(name);
        if (!counted) counts.set(name, (counted = { count: 0 }));
        (nextFrom ??= new Map()).set(name, at + length);
        counted.count++;
        if (!counted.first) {
          counted.first = passageRange(passage, at, at + length);
        }
      }
    }
  }
}

/** Two code units as one small integer (a key that needs no allocation, unlike one above 2^31). */
function pairAt(text: string, at: number): number {
  return (text.charCodeAt(at) << 16) | text.charCodeAt(at + 1);
}

/**
 * Source range of a passage's `text[start, end)` (end > start), each end read in its block when asked: a first
 * mention maps two characters, not the whole passage.
 */
function passageRange(passage: Passage, start: number, end: number): { start: number; end: number } {
  return { start: passageSourceOf(passage, start), end: passageSourceOf(passage, end - 1) + 1 };
}

function passageSourceOf({ starts, blocks, shifts }: Passage, at: number): number {
  // The last block starting at or before `at`: the one `at` is in (one whose compact text is empty starts where the next does).
  const i = lastAtMost(starts, at);
  // Read up to the character, not every offset of the block (74 MB of arrays in a clean 10 MB article).
  return compactSourceAt(blocks[i], at - starts[i]) + shifts[i];
}

/**
 * Body text as runs of paragraphs, joining paragraphs the layout split mid-sentence, over blocks read
 * one run after another (each with what moves its source offsets); and whether the first block is body
 * and the last passage was left without a sentence end (where it could join what comes before or after).
 */
function bodyPassages(runs: ReadonlyArray<{ readonly blocks: readonly Block[]; readonly shift: number }>): {
  list: Passage[];
  opensBody: boolean;
  endsOpen: boolean;
  empty: boolean;
} {
  const list: Passage[] = [];
  let text = '';
  let blocks: Block[] = [];
  let shifts: number[] = [];
  let starts: number[] = [];
  const flush = (): void => {
    if (text) list.push({ text, blocks, shifts, starts });
    // New arrays only where something was gathered: a region flushes at every block that is not body text.
    if (blocks.length === 0) return;
    text = '';
    blocks = [];
    shifts = [];
    starts = [];
  };
  let first: Block | undefined;
  for (const run of runs) {
    for (const block of run.blocks) {
      first ??= block;
      if (block.role !== 'body') {
        flush();
        continue;
      }
      const compact = compactString(block.text);
      starts.push(text.length);
      text += compact;
      blocks.push(block);
      shifts.push(run.shift);
      if (endsLikeSentence(compact)) flush();
    }
  }
  const endsOpen = text !== '';
  flush();
  return { list, opensBody: first?.role === 'body', endsOpen, empty: first === undefined };
}

/** The speech verbs by their first character, each list in SPEECH_VERBS' order (so the first match is the same). */
const VERBS_BY_FIRST = byFirstCharacter(SPEECH_VERBS);
/** The role words by their first character, with their place in ROLE_WORDS. */
const ROLE_WORDS_BY_FIRST = byFirstCharacter(ROLE_WORDS);

interface WordsByFirst {
  /** 1 where a code unit starts one of the words: a table read per character of every passage. */
  readonly starts: Uint8Array;
  readonly words: ReadonlyMap<number, ReadonlyArray<{ readonly word: string; readonly index: number }>>;
}

function byFirstCharacter(list: readonly string[]): WordsByFirst {
  const starts = new Uint8Array(0x10000);
  const words = new Map<number, Array<{ word: string; index: number }>>();
  list.forEach((word, index) => {
    const first = word.charCodeAt(0);
    starts[first] = 1;
    words.set(first, [...(words.get(first) ?? []), { word, index }]);
  });
  return { starts, words };
}

/**
 * `<role><name><verb>` and `<name><title><verb>`: 研究员杨海燕认为, 习近平总书记指出. Right after a
 * closing quote the attribution needs no title: ”在景区附近经营民宿的黄小琴说 (a description ending in
 * 的) is taken as it stands, a bare ”杨秀英说 is handed to `unconfirmed` to be checked against the article.
 */
function byVerb(text: string, found: (candidate: Found) => void, unconfirmed: Set<string>): void {
  for (let at = 1; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (!VERBS_BY_FIRST.starts[code]) continue;
    let verb: string | undefined;
    for (const candidate of VERBS_BY_FIRST.words.get(code)!) {
      if (text.startsWith(candidate.word, at)) {
        verb = candidate.word;
        break;
      }
    }
    if (!verb) continue;
    const whole = clauseBefore(text, at);
    const clause = verb === IN_VIEW_OF.verb ? inViewOf(trimClause(whole)) : trimClause(whole);
    if (whole !== undefined && clause !== undefined) {
      const candidate = splitRoleAndName(clause) ?? nameThenTitle(clause) ?? withoutManner(clause);
      if (candidate) for (const person of coordinated(candidate)) found(person);
      else if (text.charCodeAt(at - whole.length - 1) === CLOSING_QUOTE) attributionAfterQuote(clause, found, unconfirmed);
    }
    at += verb.length - 1;
  }
}

/**
 * The person of a clause whose name is followed by how they spoke (市民刘芳高兴地说, 村民张大山激动地表示):
 * read without the manner (two characters and 地: shorter or longer ones would cut into the name) when the
 * clause did not read as a person with it.
 */
function withoutManner(clause: string): Found | undefined {
  const manner = MANNER.exec(clause);
  return manner && manner.index > 0 ? splitRoleAndName(clause.slice(0, manner.index)) : undefined;
}

const MANNER = /\p{Script=Han}{2}地$/u;

/** The clause of 在<role><name>看来 without its 在; undefined when 在 does not open it (看来 alone: it seems). */
function inViewOf(clause: string | undefined): string | undefined {
  return clause !== undefined && clause.startsWith(IN_VIEW_OF.opener) ? clause.slice(IN_VIEW_OF.opener.length) : undefined;
}

/** `<role word><name>` in a sentence with a direct quote: 种粮大户刘建军算起了丰收账：…“今年种粮的信心更足了”. */
function byQuote(text: string, found: (candidate: Found) => void): void {
  // Every role word found in one pass (not one search per word and passage), then taken word by word in
  // ROLE_WORDS' order and each from the start, as a search per word would find them.
  const hits: Array<{ readonly index: number; readonly at: number }> = [];
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (!ROLE_WORDS_BY_FIRST.starts[code]) continue;
    for (const { word, index } of ROLE_WORDS_BY_FIRST.words.get(code)!) if (text.startsWith(word, at)) hits.push({ index, at });
  }
  if (hits.length > 1) hits.sort((a, b) => a.index - b.index || a.at - b.at);
  for (const { index, at } of hits) {
    const nameStart = at + ROLE_WORDS[index].length;
    const foreign = foreignNameAt(text, nameStart);
    // Two characters when a verb or a mark follows them (王强算了笔账, 市民张红，她说).
    const twoCharacters = VERB_START.has(text[nameStart + 2]) || !isHan(text[nameStart + 2]);
    const name = foreign ?? text.slice(nameStart, nameStart + (twoCharacters ? 2 : 3));
    if ((!foreign && (!startsWithSurname(name) || endsLikeNoun(name))) || insideBrackets(text, at)) continue;
    if (!quotedNearby(text, nameStart)) continue;
    const role = cleanRole(clauseBefore(text, nameStart) ?? '');
    if (role && !isReporter(role)) found({ name, role });
  }
}

/**
 * Last characters of compound nouns that can follow an occupation (旅客周转量, 游客服务站), which a
 * given name hardly ever ends with.
 */
const NOUN_ENDS = new Set('量率额费价型性站场馆厅处部局署室票证卡');

function endsLikeNoun(name: string): boolean {
  return NOUN_ENDS.has(name[name.length - 1]);
}

/** 他 or 她 opening a sentence: the person just named goes on. */
const PRONOUNS = new Set('他她');

/**
 * Whether the person named at `nameStart` is quoted: in the same sentence, or in the next one if it opens
 * with a quotation (村民赵红梅把地交给了托管组织。“打药、施肥…”) or with 他/她 and a speech verb or a
 * quotation (…卖甜柚。她说：“…”); a sentence about 他/她 in between is passed over (传承人黄俊杰今年36岁。他在
 * 网上开设账号…。“以前演一场戏…”).
 */
function quotedNearby(text: string, nameStart: number): boolean {
  let end = endOfSentence(text, nameStart);
  if (hasQuotation(text, nameStart, end)) return true;
  for (let sentences = 0; sentences < 2 && end < text.length; sentences++) {
    const next = endOfSentence(text, end);
    if (text.charCodeAt(end) === OPENING_QUOTE) return hasQuotation(text, end, next);
    if (!PRONOUNS.has(text[end])) return false;
    if (startsWithSpeechVerb(text, end + 1) || hasQuotation(text, end, next)) return true;
    end = next;
  }
  return false;
}

/** Whether a speech verb starts at `at`, after words like 也 or 进一步. */
function startsWithSpeechVerb(text: string, at: number): boolean {
  for (let moved = true; moved; ) {
    moved = false;
    for (const adverb of ADVERBS_BEFORE_VERB) {
      if (text.startsWith(adverb, at)) {
        at += adverb.length;
        moved = true;
      }
    }
  }
  return SPEECH_VERBS.some((verb) => text.startsWith(verb, at));
}

/** The clause before `at` (back to the last comma, quote or sentence end), unless it sits in brackets. */
function clauseBefore(text: string, at: number): string | undefined {
  if (insideBrackets(text, at)) return undefined;
  let start = at;
  while (start > 0 && !CLAUSE_BOUNDARY.has(text.charCodeAt(start - 1))) start--;
  return text.slice(start, at);
}

function insideBrackets(text: string, at: number): boolean {
  const open = Math.max(text.lastIndexOf('（', at), text.lastIndexOf('(', at));
  if (open < 0) return false;
  const close = Math.max(text.lastIndexOf('）', at), text.lastIndexOf(')', at));
  return close < open;
}

const OPENING_QUOTE = 0x201c; // “
const CLOSING_QUOTE = 0x201d; // ”

function endOfSentence(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === OPENING_QUOTE) depth++;
    else if (code === CLOSING_QUOTE) depth = Math.max(0, depth - 1);
    else if (depth === 0 && (code === 0x3002 /* 。 */ || code === 0xff01 /* ！ */ || code === 0xff1f) /* ？ */) return i + 1;
  }
  return text.length;
}

/** Drops what stands between the name and the verb: 也, 进一步, 在接受采访时, 接受本报记者采访时. */
function trimClause(clause: string | undefined): string | undefined {
  if (clause === undefined) return undefined;
  let trimmed = clause.replace(/在[^，。]{1,20}(时|上|中|期间)$/u, '').replace(/接受[^，。]{0,12}采访(时|中)?$/u, '');
  for (let changed = true; changed; ) {
    changed = false;
    for (const adverb of ADVERBS_BEFORE_VERB) {
      if (trimmed.length > adverb.length && trimmed.endsWith(adverb)) {
        trimmed = trimmed.slice(0, -adverb.length);
        changed = true;
      }
    }
  }
  return trimmed;
}

/**
 * A transliterated name starting at `at` (汉斯·韦伯, 玛丽亚·冈萨雷斯): Han characters either side of a middle
 * dot, the part after it read up to the first character that starts what follows a name (一边, 说, 在).
 */
function foreignNameAt(text: string, at: number): string | undefined {
  const match = FOREIGN_NAME.exec(text.slice(at, at + FOREIGN_NAME_MOST));
  if (!match) return undefined;
  let end = match[1].length + 1;
  const last = match[2];
  let kept = 0;
  while (kept < last.length && !AFTER_FOREIGN_NAME.has(last[kept])) kept++;
  if (kept === 0) return undefined;
  end += kept;
  return text.slice(at, at + end);
}

/** A transliterated name: up to five Han characters, a middle dot, up to six more. */
const FOREIGN_NAME = /^(\p{Script=Han}{1,5})[·・•](\p{Script=Han}{1,6})/u;
const FOREIGN_NAME_MOST = 12;
const FOREIGN_NAME_AT_END = /(\p{Script=Han}{1,5}(?:-\p{Script=Han}{1,5})?[·・•]\p{Script=Han}{1,6})$/u;
const HAS_NAME_DOT = /[·・•]/;
/** Characters that start what follows a transliterated name rather than continue it. */
const AFTER_FOREIGN_NAME = new Set([...VERB_START, ...'一这那的了']);

/** A transliterated name ending the clause (德国专家汉斯·韦伯), and the role before it. */
function splitRoleAndForeignName(clause: string): Found | undefined {
  if (!HAS_NAME_DOT.test(clause)) return undefined;
  const match = FOREIGN_NAME_AT_END.exec(clause);
  if (!match) return undefined;
  // The role is what stands before the first part of the name that a role word ends (专家 | 汉斯·韦伯).
  const dot = clause.length - match[1].length + match[1].search(HAS_NAME_DOT);
  for (let start = clause.length - match[1].length; start < dot; start++) {
    const role = cleanRole(clause.slice(0, start));
    if (endsLikeRole(role) && !isReporter(role)) return { name: clause.slice(start), role };
  }
  return undefined;
}

/**
 * Two people sharing a verb (中国社会科学院研究员李明和北京大学教授王芳都认为): the role read before the
 * second name holds the first person, with their own role, before 和 or 与. Each is a person of their own.
 */
function coordinated(candidate: Found): Found[] {
  const role = candidate.role;
  for (let at = role.length - 2; at > 0; at--) {
    if (role[at] !== '和' && role[at] !== '与') continue;
    const first = splitRoleAndName(role.slice(0, at));
    const second = cleanRole(role.slice(at + 1));
    if (first && endsLikeRole(second)) return [first, { name: candidate.name, role: second }];
  }
  return [candidate];
}

/** The lengths a name after its title is tried with, most likely first. */
const NAME_LENGTHS = [3, 2, 4] as const;

/** The name at the end of the clause (three characters before two), and the role before it. */
function splitRoleAndName(clause: string): Found | undefined {
  const foreign = splitRoleAndForeignName(clause);
  if (foreign) return foreign;
  for (const length of NAME_LENGTHS) {
    if (clause.length < length) continue;
    const name = clause.slice(-length);
    // The surname first: most clauses end in no name, and their role would be made for nothing.
    if (!startsWithSurname(name)) continue;
    const role = cleanRole(clause.slice(0, -length));
    // A first mention without a title (强烈建议, 对此建议) is too weak to tell a name from a word.
    if (!endsLikeRole(role) || isReporter(role)) continue;
    // 主任刘敏: 任刘敏 after 主 reads as well as 刘敏 after 主任, but the title word decides.
    if (length === 3) {
      const roleWithFirst = role + name[0];
      if (ROLE_WORDS.some((word) => roleWithFirst.endsWith(word))) continue;
    }
    return { name, role };
  }
  return undefined;
}

/** Ends of what stands where a name would but is a form of address (王老师, 李女士, 张师傅). */
const ADDRESS_ENDS = ['老师', '女士', '先生', '师傅', '阿姨', '大爷', '大妈', '奶奶', '爷爷', '同学', '医生', '们'];

/**
 * A name attributing the quote just closed: ”<description>的<name><verb> (the description is not a
 * title, so the role stays empty) or ”<name><verb>.
 */
function attributionAfterQuote(clause: string, found: (candidate: Found) => void, unconfirmed: Set<string>): void {
  const of = clause.lastIndexOf('的');
  const name = of >= 0 ? clause.slice(of + 1) : clause;
  if (!startsWithSurname(name) || endsLikeNoun(name) || ADDRESS_ENDS.some((end) => name.endsWith(end))) return;
  // Three characters after 的 are a name far more often than a word; two (的文件, 的高校) need the check.
  if (of > 0 && name.length >= 3) found({ name, role: '' });
  else unconfirmed.add(name);
}

/** 习近平总书记: a name followed by its title. */
function nameThenTitle(clause: string): Found | undefined {
  const title = TITLES_AFTER_NAME.find((t) => clause.endsWith(t));
  if (!title) return undefined;
  const name = clause.slice(0, -title.length);
  return startsWithSurname(name) ? { name, role: title } : undefined;
}

function cleanRole(role: string): string {
  const opener = CLAUSE_OPENERS.find((o) => role.startsWith(o) && role.length > o.length);
  return opener ? role.slice(opener.length) : role;
}

function isReporter(role: string): boolean {
  return /(记者|通讯员|编辑)$/.test(role);
}

/**
 * Whether text[from, to) quotes at least six characters (“……”), as /“([^”]{6,})”/ would say, in one
 * pass: that pattern retries from every “ of a long run of them, a quadratic cost.
 */
function hasQuotation(text: string, from: number, to: number): boolean {
  let firstOpen = -1;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === OPENING_QUOTE && firstOpen < 0) firstOpen = i;
    else if (code === CLOSING_QUOTE) {
      if (firstOpen >= 0 && i - firstOpen - 1 >= 6) return true;
      firstOpen = -1;
    }
  }
  return false;
}
