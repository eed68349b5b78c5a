// The people quoted in an article, a reader's second way through it: 中国工程院院士、清华大学教授
// 吴建平说 → 吴建平 (中国工程院院士、清华大学教授). Unnamed sources (专家认为, 企业负责人说) are not
// people and are left out.

import type { ArticleModel, Block } from './model';
import { part } from './parts';
import { compactBlock, compactString, sourceRange } from './outline/compact';
import { endsLikeSentence } from './outline/titles';
import {
  ADVERBS_BEFORE_VERB, CLAUSE_OPENERS, ROLE_WORDS, SPEECH_VERBS, TITLES_AFTER_NAME, endsLikeRole, startsWithSurname,
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

/** Named people quoted in the article, in order of first mention. */
export const speakersOf: (model: ArticleModel) => readonly Speaker[] = part(findSpeakers);

/** Marks that end a clause, by code (walking back over a clause reads one character at a time). */
const CLAUSE_BOUNDARY: ReadonlySet<number> = new Set(Array.from('。！？；，：“”‘’「」『』!?;,:', (ch) => ch.charCodeAt(0)));
/** After a role word, a third character like these means the name has two characters (王强算了笔账). */
const VERB_START = new Set('说表认指介强算告在是把将从对向已也都就正又还曾带给让和与跟同');

function findSpeakers(model: ArticleModel): Speaker[] {
  const passages = bodyPassages(model);
  const found = new Map<string, Found>();
  const remember = (candidate: Found | undefined): void => {
    if (!candidate) return;
    const known = found.get(candidate.name);
    if (!known || (!known.role && candidate.role)) found.set(candidate.name, candidate);
  };
  const unconfirmed = new Set<string>();
  for (const passage of passages) {
    // Candidates are handed over as found (a generator per passage cost more memory than the search).
    byVerb(passage.text, remember, unconfirmed);
    byQuote(passage.text, remember);
  }
  // A bare name after a quote (”杨秀英说) counts once the article introduces it with a title somewhere
  // (苗族蜡染传承人杨秀英): a word that merely looks like a name (”文件指出) is not introduced so.
  for (const name of introducedWithTitle(passages, unconfirmed)) remember({ name, role: '' });
  const mentions = countMentions(passages, [...found.keys()]);
  const cut = cutsOfLongerNames(mentions);
  const speakers: Speaker[] = [];
  for (const { name, role } of found.values()) {
    const counted = mentions.get(name);
    if (counted?.first && !cut.has(name)) speakers.push({ name, role, ...counted.first, mentions: counted.count });
  }
  return speakers.sort((a, b) => a.start - b.start);
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
  const startsName = new Set(Array.from(names, (name) => name.charCodeAt(0)));
  for (const { text } of passages) {
    for (let at = 1; at + 1 < text.length; at++) {
      if (!startsName.has(text.charCodeAt(at)) || !endsLikeRole(text[at - 1])) continue;
      for (let length = 2; length <= 4 && at + length <= text.length; length++) {
        const name = text.slice(at, at + length);
        if (names.has(name)) introduced.add(name);
      }
    }
  }
  return [...introduced];
}

/** A run of body paragraphs read as one text; where its characters stand in the source is worked out only when asked. */
interface Passage {
  readonly text: string;
  readonly blocks: readonly Block[];
}

interface Mentions {
  count: number;
  /** Source range of the first mention. */
  first?: { start: number; end: number };
}

/**
 * How often each name occurs in the passages (occurrences of one name do not overlap), in one pass over
 * the text for all names: a search per name through the whole text was quadratic in a long document.
 */
function countMentions(passages: readonly Passage[], names: readonly string[]): Map<string, Mentions> {
  const counts = new Map<string, Mentions>(names.map((name) => [name, { count: 0 }]));
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
  for (const passage of passages) {
    const { text } = passage;
    /** Where the next occurrence of a name may start in this passage (just past the last one); made when a name turns up. */
    let nextFrom: Map<string, number> | undefined;
    let sources: ReturnType<typeof passageSources> | undefined;
    for (let at = 0; at + 1 < text.length; at++) {
      if (startsName[text.charCodeAt(at)] === 0) continue;
      const lengths = lengthsByStart.get(pairAt(text, at));
      if (!lengths) continue;
      for (const length of lengths) {
        if (at + length > text.length) continue;
        const name = text.slice(at, at + length);
        const counted = counts.get(name);
        if (!counted || at < (nextFrom?.get(name) ?? 0)) continue;
        (nextFrom ??= new Map()).set(name, at + length);
        counted.count++;
        if (!counted.first) {
          sources ??= passageSources(passage);
          counted.first = sourceRange(sources, at, at + length);
        }
      }
    }
  }
  return counts;
}

/** Two code units as one small integer (a key that needs no allocation, unlike one above 2^31). */
function pairAt(text: string, at: number): number {
  return (text.charCodeAt(at) << 16) | text.charCodeAt(at + 1);
}

function passageSources(passage: Passage): { text: string; sources: number[] } {
  const sources: number[] = [];
  for (const block of passage.blocks) for (const source of compactBlock(block).sources) sources.push(source);
  return { text: passage.text, sources };
}

/** Body text as runs of paragraphs, joining paragraphs the layout split mid-sentence. */
function bodyPassages(model: ArticleModel): Passage[] {
  const passages: Passage[] = [];
  let text = '';
  let blocks: Block[] = [];
  const flush = (): void => {
    if (text) passages.push({ text, blocks });
    text = '';
    blocks = [];
  };
  for (const block of model.blocks) {
    if (block.role !== 'body') {
      flush();
      continue;
    }
    const compact = compactString(block.text);
    text += compact;
    blocks.push(block);
    if (endsLikeSentence(compact)) flush();
  }
  flush();
  return passages;
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
    const clause = trimClause(whole);
    if (whole !== undefined && clause !== undefined) {
      const candidate = splitRoleAndName(clause) ?? nameThenTitle(clause);
      if (candidate) found(candidate);
      else if (text.charCodeAt(at - whole.length - 1) === CLOSING_QUOTE) attributionAfterQuote(clause, found, unconfirmed);
    }
    at += verb.length - 1;
  }
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
    const name = VERB_START.has(text[nameStart + 2]) ? text.slice(nameStart, nameStart + 2) : text.slice(nameStart, nameStart + 3);
    if (!startsWithSurname(name) || endsLikeNoun(name) || insideBrackets(text, at)) continue;
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

/** Drops what stands between the name and the verb: 也, 进一步, 在接受采访时. */
function trimClause(clause: string | undefined): string | undefined {
  if (clause === undefined) return undefined;
  let trimmed = clause.replace(/在[^，。]{1,20}(时|上|中|期间)$/u, '');
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

/** The name at the end of the clause (three characters before two), and the role before it. */
function splitRoleAndName(clause: string): Found | undefined {
  for (const length of [3, 2, 4]) {
    if (clause.length < length) continue;
    const name = clause.slice(-length);
    const role = cleanRole(clause.slice(0, -length));
    if (!startsWithSurname(name)) continue;
    // A first mention without a title (强烈建议, 对此建议) is too weak to tell a name from a word.
    if (!endsLikeRole(role) || isReporter(role)) continue;
    // 主任刘敏: 任刘敏 after 主 reads as well as 刘敏 after 主任, but the title word decides.
    if (length === 3 && ROLE_WORDS.some((word) => (role + name[0]).endsWith(word))) continue;
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
