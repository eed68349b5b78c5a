// What the text either side of a line break says about it, one question per function.
// Each answer is evidence a careful editor would weigh; layout.ts combines them.

import { CodeSet, CLOSING_CHARS, hasInlineSpace, hasPunctOrSymbol, isHan, isHanCode, isInlineSpace, isInlineSpaceCode, isLatinOrDigitCode, isOpeningMarkCode, isPunctOrSymbolOnly, isSentenceEndCode } from '../charClasses';
import { emWidth } from './width';

// The predicates below are asked of every line at every break: they read code units, as a character of
// a Chinese line read as a string (text[i]) is a new string each time.
const CLOSING_CODES = new CodeSet(CLOSING_CHARS);
const BOUND_WORD_CODES = new CodeSet('和与及或对把被从向在');

/** The last character that is not a closing mark ends a sentence (`。`, `。”`, `？）`). */
export function endsSentence(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && CLOSING_CODES.has(text.charCodeAt(i))) i--;
  if (i < 0) return false;
  return isSentenceEndCode(text.charCodeAt(i));
}

/** Ends with a colon or semicolon: a list item's end or the lead-in to a list. */
export function endsClause(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  return last === 0xff1a /* ： */ || last === 0xff1b /* ； */ || last === 0x3a /* : */ || last === 0x3b /* ; */;
}

/**
 * Ends with a comma or enumeration comma: the sentence goes on. News prose never ends a paragraph
 * this way; only list items do, and rarely.
 */
export function endsMidSentence(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  return last === 0xff0c /* ， */ || last === 0x3001 /* 、 */ || last === 0x2c /* , */;
}

/** ASCII letters or digits anywhere: their printed width is only estimated. */
export function hasLatin(text: string): boolean {
  return /[A-Za-z0-9]/.test(text);
}

/** A gap between two Han characters that is not justification: pdfminer took a Latin run out of it. */
export function hasInnerGap(text: string): boolean {
  return !isLetterSpaced(text) && /\p{sc=Han}[ \t\u3000]+\p{sc=Han}/u.test(text);
}

/** Marks that never begin a line in Chinese typesetting: a line starting with one continues. */
const CONTINUATION_MARKS = '，。、；：！？）》〉】」』〕］｝〗”’…—～,.;:!?)%‰';

// By code unit (every mark is one): asked several times at every break.
const CONTINUATION_CODES = new CodeSet(CONTINUATION_MARKS);

export function startsWithContinuation(text: string): boolean {
  return CONTINUATION_CODES.has(text.charCodeAt(0));
}

/**
 * Starts with a particle bound to the word before it (`的数据`, `们的`, `了近一倍。`, `吗？`): no sentence,
 * heading or paragraph begins so (的确, 的士, 了解, 了不起 are words of their own). On dev and news-dev every
 * one of 96 lines starting with 的 or 们 continues the line before; on the four training sets every one of
 * 74 aligned breaks before a line starting with the aspect particle 了 or a sentence-final 吗, 呢, 吧 joins.
 */
export function startsWithBoundParticle(text: string): boolean {
  const first = text.charCodeAt(0);
  if (first === 0x4e86 /* 了 */) return !/^了[解不如结却然望]/.test(text);
  return (first === 0x7684 /* 的 */ && !/^的[确士哥]/.test(text)) || first === 0x4eec /* 们 */ || SENTENCE_FINAL_PARTICLES.has(first);
}

/** 吗, 呢, 吧: particles that close a sentence, never open one. */
const SENTENCE_FINAL_PARTICLES = new CodeSet('吗呢吧');

/**
 * Ends with a verb that points the reader elsewhere (`详情可访问`, `…；参阅`, `…的，请使用`) where the next line does not
 * go on with it: its object, a link or a title set in another type, the extractor dropped, and the text after
 * it starts anew (a heading, the next step). On the four training sets 10 such breaks are block edges and none a
 * join; `（参见` before a section's number goes on, and is not one of them.
 */
export function endsPointingElsewhere(text: string): boolean {
  // The last character first: a pattern anchored at the end is tried from every position of the line.
  return POINTING_LAST_CODES.has(text.charCodeAt(text.length - 1)) && POINTING_VERB.test(text);
}

const POINTING_VERB = /(?:参阅|可访问|请访问|请使用|请参考)$/;
const POINTING_LAST_CODES = new CodeSet('阅问用考');

/**
 * Ends with a word that needs what follows it: the particle 的 (not 目的, 有的, 是的, …) or a conjunction
 * or preposition (和, 与, 及, 或, 对, 把, 被, 从, 向, 在) after a Han character, or standing alone on its
 * line (`site”` / `和` / `“Internet`: the extractor cut the line at the Latin runs either side). No title,
 * heading or paragraph ends so: on dev and news-dev 114 of 114 lines ending in 的 continue, and 68 of 72
 * ending in the others (the rest are text the extractor moved); on the four training sets every break
 * after such a word alone on its line that the scorer aligns joins (4 of 4; 7 more are text moved).
 */
export function endsWithBoundWord(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  if (last === 0x7684 /* 的 */) return !/[目有别似是真端标]的$/.test(text);
  return BOUND_WORD_CODES.has(last) && (text.length === 1 || isHanCode(text.charCodeAt(text.length - 2)));
}

/**
 * Ends with a word that needs what follows it standing as a word of its own: the particle 的, or a
 * conjunction or preposition (`…系统和`) that is not the end of a longer word the segmenter knows (`普及`,
 * `存在`, `应对`), with which a title may end.
 */
export function endsWithBareBoundWord(text: string): boolean {
  if (!endsWithBoundWord(text)) return false;
  if (text.charCodeAt(text.length - 1) === 0x7684 /* 的 */) return true;
  const tail = tailWithoutSpaces(text, WORD_WINDOW);
  return wordSegmenter().segment(tail).containing(tail.length - 1)?.segment.length === 1;
}

/**
 * A line of one Han character after a line ending in one (`相关设` / `置`, `更多的支` / `持`): no title,
 * heading, label or paragraph is a single character, so it is the tail of a word the line before began.
 */
export function isLoneCharacter(text: string, before: string): boolean {
  return text.length === 1 && isHanCode(text.charCodeAt(0)) && isHanCode(before.charCodeAt(before.length - 1));
}

/**
 * A line that is nothing but a quoted term (`“加速度”`) below a line that stops mid-phrase without any
 * punctuation (`种业振兴跑出`): the term finishes that title or heading.
 */
export function isQuotedTail(text: string, before: string): boolean {
  return /^“[^“”]{1,8}”[！？!?]?$/.test(text) && isHanCode(before.charCodeAt(before.length - 1)) && !hasPunctOrSymbol(before);
}

/**
 * A line that is nothing but an aside in brackets (`（Bootloader）`, `（在同名软件包中）`) below a line with
 * no punctuation at all (`配置引导加载器`): the gloss of the word the line ends with, part of its title or
 * sentence. On the four training sets 11 of 11 such breaks the scorer aligns join.
 */
export function isBracketedGloss(text: string, before: string): boolean {
  return /^[（(][^（）()]{2,}[）)]$/.test(text) && !hasPunctOrSymbol(before);
}

/**
 * A line that opens with a few Han characters closing a sentence, a clause or an aside (`器。但是…`,
 * `中；对于…`, `包。它的…`, `服务器）而…`) below a line that ends with no mark: the tail of the word or
 * phrase the line before left open. No paragraph, heading or list item opens with one to three characters
 * and a full stop or semicolon (a reply such as `不能。` follows a question, which ends with its mark). On
 * the four training sets every such break the scorer labels a join or a block edge joins (1,316 of 1,316;
 * 28 more are text the extractor lost or moved).
 */
export function isClosingTail(text: string, before: string): boolean {
  return CLOSING_TAIL.test(text) && /[\p{sc=Han}A-Za-z0-9]$/u.test(before);
}

const CLOSING_TAIL = /^\p{sc=Han}{1,3}[。；！？）]/u;

/**
 * The line opens with the word the line before ends with (`配置debconf` / `debconf需要较详细的`, `防火墙` /
 * `防火墙是计算机设备的一部分`): a heading naming a term, and the paragraph under it opening with that term.
 * Prose does not say a word twice across a wrap: on the four training sets 38 such breaks are block edges
 * and 1 a join (a Latin run the extractor moved beside its twin).
 */
export function repeatsLineEnd(text: string, before: string): boolean {
  // The Latin word the line ends with: a letter, then one or more of [A-Za-z0-9_.-] to the end (scanned
  // back by code unit: a pattern anchored at the end only is quadratic on a long Latin line).
  let start = before.length;
  while (start > 0 && isLatinWordCode(before.charCodeAt(start - 1))) start--;
  while (start < before.length && !isAsciiLetter(before.charCodeAt(start))) start++;
  if (before.length - start >= 2) {
    const word = before.slice(start);
    return text.startsWith(word) && !(text.length > word.length && isLatinNameCode(text.charCodeAt(word.length)));
  }
  // Asked at every break: the tail is cut and tested only where the next line starts with it (seldom).
  for (let k = 2; k <= 4 && k <= before.length; k++) {
    if (startsWithTailOf(text, before, k) && HAN_ONLY.test(before.slice(-k))) return true;
  }
  return false;
}

/** `text` starts with the last `count` code units of `before` (compared in place). */
function startsWithTailOf(text: string, before: string, count: number): boolean {
  if (text.length < count) return false;
  const from = before.length - count;
  for (let i = 0; i < count; i++) if (text.charCodeAt(i) !== before.charCodeAt(from + i)) return false;
  return true;
}

const HAN_ONLY = /^\p{sc=Han}+$/u;

/** How many Han characters a line's end must hold for its repetition below to name a term. */
const NAMED_TERM = 4;

/**
 * The line ends with a term of NAMED_TERM Han characters that the text below names again, inside the next
 * line (not at its start: repeatsLineEnd) or in the line after it (`虚拟化和模拟器工具` / `有几个虚拟化和模拟器工具`,
 * `编译内核和相关模块` / `Debian 有它自己的方式` / `来编译内核和相关模块。`): a heading over the paragraph that
 * takes up its term. Asked of lines with no punctuation only (the caller's test); a wrapped line's last
 * characters seldom recur so soon (on the four training sets 113 such breaks are block edges, 21 joins).
 * Letter-spaced lines are read without their spaces.
 */
export function endNamedBelow(before: string, after: string, afterNext: string | undefined): boolean {
  if (before.length < NAMED_TERM) return false;
  const term = before.slice(-NAMED_TERM);
  if (!HAN_ONLY.test(term)) return false;
  const next = withoutSpaces(after);
  if (next.startsWith(term)) return false;
  return next.includes(term) || (afterNext !== undefined && withoutSpaces(afterNext).includes(term));
}

/**
 * The line opens with a word that opens a sentence (`如果…`, `为了…`, `尽管…`, `首先…`, `对于…`, `你可以…`): where
 * the line before ends without a mark and holds no clause (decide.ts asks), its text ended with its line (a
 * heading, a label, a list item) rather than run on: on the four training sets 190 such breaks are block
 * edges and 2 joins. Only words that do not close a longer word either (not 除了 of 移除了, 当 of 充当, 在
 * of 存在), as the break may fall inside a word; not 但 (after a line whose full stop the extractor lost it
 * goes on with the paragraph: nt023's `…转变` / `但也要看到`), nor a subject such as 我们 (a sentence may
 * run on to it from an adverbial without a comma). The words were chosen from these counts on the corpus.
 */
export function opensWithConnective(text: string): boolean {
  // By the first character, then the few words it opens (no pattern: asked at most breaks).
  const words = CONNECTIVES_BY_FIRST.get(text.charCodeAt(0));
  if (words === undefined) return false;
  for (const word of words) if (text.startsWith(word)) return true;
  return false;
}

const CONNECTIVES = ['如果', '假如', '假设', '为了', '由于', '虽然', '尽管', '因为', '一旦', '即使', '通过', '请', '然而', '此外', '另外', '同时', '首先', '最后', '不过', '例如', '随着', '对于', '下面', '以下', '这里', '你可以', '您可以', '注意'];
const CONNECTIVES_BY_FIRST = new Map<number, string[]>();
for (const word of CONNECTIVES) {
  const first = word.charCodeAt(0);
  CONNECTIVES_BY_FIRST.set(first, [...(CONNECTIVES_BY_FIRST.get(first) ?? []), word]);
}

function withoutSpaces(text: string): string {
  return /\s/.test(text) ? text.replace(/\s+/g, '') : text;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** [A-Za-z0-9_]. */
function isLatinNameCode(code: number): boolean {
  return isAsciiLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x5f;
}

/** [A-Za-z0-9_.-]: what a Latin word at a line's end holds (`debian-installer`, `bar-1.tar.gz`). */
function isLatinWordCode(code: number): boolean {
  return isLatinNameCode(code) || code === 0x2e || code === 0x2d;
}

/** Ends with an opening quote or bracket: what it opens is on the next line. */
export function endsWithOpener(text: string): boolean {
  return isOpeningMarkCode(text.charCodeAt(text.length - 1));
}

/** Nothing but punctuation or symbols (`,`, `+`, `。`). */
export function isPunctuationOnly(text: string): boolean {
  return isPunctOrSymbolOnly(text);
}

/**
 * Justified lines come out of some extractors with a space between every character
 * (`列 出 的 这 样 的`). Justification stretches every line of a paragraph but its last.
 */
export function isLetterSpaced(text: string): boolean {
  // Each gap is an inline space: most lines have fewer than the three a spaced line needs.
  let spaces = 0;
  for (let i = 1; i + 1 < text.length && spaces < 3; i++) if (isInlineSpaceCode(text.charCodeAt(i))) spaces++;
  if (spaces < 3) return false;
  let gaps = 0;
  let pairs = 0;
  for (let i = 1; i + 1 < text.length; i++) {
    const before = text.charCodeAt(i - 1);
    if (!isHanCode(before) && !CJK_PUNCT_LIKE_CODES.has(before)) continue;
    pairs++;
    const after = text.charCodeAt(i + 1);
    if (isInlineSpaceCode(text.charCodeAt(i)) && (isHanCode(after) || CJK_PUNCT_LIKE_CODES.has(after))) gaps++;
  }
  return gaps >= 3 && gaps * 2 >= pairs;
}

const CJK_PUNCT_LIKE_CODES = new CodeSet('，。、；：！？“”（）');

/**
 * A line of nothing but a Latin word or figure (`2017`, `27.2`, `GDP`, `32.9%`): extractors cut lines
 * where the font changes, so such a run usually stood inside a line of Chinese.
 */
export function isLatinRun(text: string): boolean {
  // Asked up to six times at every break; most lines start with Han, answered here without the pattern.
  if (!isAsciiAlnumCode(text.charCodeAt(0))) return false;
  return /^[A-Za-z0-9][A-Za-z0-9._\-+%‰/]*$/.test(text);
}

function isAsciiAlnumCode(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/**
 * A Latin run on a line of its own that the extractor moved there from elsewhere on the page (a margin
 * label, a running head, a word from another column): the Chinese either side of it reads on as one word
 * without it (`还没有真的进` / `Debian` / `入稳定版`, `搭配使` / `Ustable` / `用`). No word of Chinese holds a
 * Latin run inside it, so the run stood elsewhere and is a block of its own.
 */
export function isDisplacedRun(lines: ReadonlyArray<{ readonly text: string }>, run: number, across: WordsAcrossLines = wordsAcrossLines(lines)): boolean {
  if (run < 1 || run + 1 >= lines.length || !isLatinRun(lines[run].text)) return false;
  return across(run - 1, run + 1) !== undefined;
}

/** wordAcross between line `a` and line `b` (undefined when either is missing). */
export interface WordsAcrossLines {
  (a: number, b: number): WordAcross | undefined;
  /** What was answered about each line and the next two so far, for a later parse of the same lines. */
  answers(): WordAnswers;
  /** The same answers as codes alone (WordAnswers.codes), without working out where the lines stand. */
  answeredCodes(): Uint8Array;
  /**
   * Answers the pair of each line in `firsts` (ascending) and the next, for a caller that knows which pairs
   * it will ask (the wraps, breaks/wraps.ts): ASKED_TOGETHER to a call as ever, and no pair besides.
   */
  answerPairs(firsts: readonly number[]): void;
  /**
   * The answers about lines [from, to) for a reading of those same lines (`lines`: the same texts in the same
   * order, as a region's own fragments are its lines in view), taken as they are: no line compared, as
   * `earlier` (wordsAcrossLines) compares them.
   */
  forLines(from: number, to: number, lines: readonly PlacedLine[]): WordsAcrossLines;
}

/**
 * What the segmenter answered about the pairs of lines of a text (each line and the next two), kept with
 * a region of a large document. After an edit the region is parsed again; the pairs of lines the edit did
 * not touch are answered from here, not by the segmenter (about 6 µs a call, most of a region's parse).
 */
export interface WordAnswers {
  /**
   * The lines asked about: line i is source.slice(spans[2i], spans[2i + 1]). Where the lines stand in the
   * text they were read from, not the lines' strings: a region keeps its answers for the lines in view
   * around it too, and a string for each of those (a slice of the text) cost several MB on a clean 10 MB
   * article. In 16 bits where the source is short enough (a region's always is), else 32.
   */
  readonly source: string;
  readonly spans: Uint16Array | Int32Array;
  /** codes[2a + k], lines a and a + 1 + k: 0 not asked, 1 no word, 2 + 4 (left − 1) + (right − 1) a word. */
  readonly codes: Uint8Array;
}

/** A line of text and, for a fragment, where it stands in the text it was read from. */
interface PlacedLine {
  readonly text: string;
  readonly start?: number;
}

const NOT_ASKED = 0;
const NO_WORD = 1;

/** How far either side of a break the word segmenter looks. */
export const WORD_WINDOW = 4;

/**
 * Pairs of lines asked of the segmenter in one call. Each call costs some 4 µs before it reads a character
 * (Intl.Segmenter copies its ICU break iterator and the text for each `segment`), most of what a pair of
 * four-character windows costs; a call over many windows costs more per window the longer the text
 * (beyond a few dozen windows, much more), so a few at a time.
 */
const ASKED_TOGETHER = 16;
/**
 * Between the windows of one call: a line feed, before and after which every word break rule breaks
 * (Unicode's WB3a and WB3b), so each window is segmented as if alone (test/unit/wordsAcross.test.ts
 * checks it on every pair of lines of the corpora). A line never holds one.
 */
const WINDOW_SEPARATOR = '\n';
const batchSlots = new Int32Array(ASKED_TOGETHER);
const batchJoins = new Int32Array(ASKED_TOGETHER);
/**
 * The windows of the pairs to be asked in the next call, as code units (addToBatch, askBatch: each runs to
 * its end): one string made of them per call, not a slice of each line and a string joined per window.
 */
const batchUnits = new Uint16Array(ASKED_TOGETHER * (2 * WORD_WINDOW + 1));
let batchLength = 0;
let batchCount = 0;
const SEPARATOR_UNIT = WINDOW_SEPARATOR.charCodeAt(0);

/**
 * Adds the window of lines `before` and `after` to the next call, its answer to go to `slot`: the last
 * WORD_WINDOW code units of `before` that are not inline spaces, then the first WORD_WINDOW of `after`
 * (tailWithoutSpaces, headWithoutSpaces).
 */
function addToBatch(slot: number, before: string, after: string): void {
  if (batchCount > 0) batchUnits[batchLength++] = SEPARATOR_UNIT;
  let from = before.length;
  for (let kept = 0; from > 0 && kept < WORD_WINDOW; from--) if (!isInlineSpaceCode(before.charCodeAt(from - 1))) kept++;
  for (let i = from; i < before.length; i++) {
    const unit = before.charCodeAt(i);
    if (!isInlineSpaceCode(unit)) batchUnits[batchLength++] = unit;
  }
  batchSlots[batchCount] = slot;
  batchJoins[batchCount] = batchLength;
  for (let i = 0, kept = 0; i < after.length && kept < WORD_WINDOW; i++) {
    const unit = after.charCodeAt(i);
    if (isInlineSpaceCode(unit)) continue;
    batchUnits[batchLength++] = unit;
    kept++;
  }
  batchCount++;
}

/** Asks the segmenter about the windows added since the last call, in one call; each answer goes to its slot of `codes`. */
function askBatch(codes: Uint8Array): void {
  if (batchCount === 0) return;
  const windows = String.fromCharCode.apply(null, batchUnits.subarray(0, batchLength) as unknown as number[]);
  const count = batchCount;
  batchLength = 0;
  batchCount = 0;
  const segments = wordSegmenter().segment(windows);
  for (let n = 0; n < count; n++) {
    const join = batchJoins[n];
    const segment = segments.containing(join - 1);
    const end = segment ? segment.index + segment.segment.length : 0;
    codes[batchSlots[n]] = segment && end > join && segment.isWordLike && isHan(segment.segment[0]) ? 2 + 4 * (join - segment.index - 1) + (end - join - 1) : NO_WORD;
  }
}

/**
 * Which pairs a caller may ask about, so that the pairs answered ahead of being asked (ASKED_TOGETHER) are
 * likely ones: only a guess, which changes no answer (a pair asked is answered whether it was guessed or
 * not), only how many windows the segmenter reads. A region's layout asks nothing about the lines in view
 * after the lines it decides, and about a line and the one after next only around a line that may be an
 * intruder or a displaced run (breaks/decide.ts mayAskAround); ahead of those, on a clean article, three
 * windows in four were read for nothing.
 */
export interface LookAhead {
  /** No pair from this line on is answered before it is asked. */
  readonly until: number;
  /** Whether a pair around line `line` (the line before it and the one after) may be asked. */
  around(line: number): boolean;
}

/**
 * wordAcross between lines by their indices, each pair of a line and the next two asked of the segmenter
 * once: the layout asks about the same pairs for several breaks (word across, displaced runs, intruding lines).
 * With `earlier`, the answers of a parse of mostly the same lines: a pair of lines the same at the start
 * or at the end of both is answered as it was then (the answer depends on the two lines' text alone).
 */
export function wordsAcrossLines(lines: readonly PlacedLine[], earlier?: WordAnswers, source?: string, lookAhead?: LookAhead): WordsAcrossLines {
  const codes = new Uint8Array(2 * lines.length);
  let same: { readonly start: number; readonly end: number } | undefined;
  const earlierCode = (a: number, k: number): number => {
    if (!earlier) return NOT_ASKED;
    same ??= sameLines(lines, earlier);
    if (a + 1 + k < same.start) return earlier.codes[2 * a + k];
    const then = a + earlier.spans.length / 2 - lines.length;
    return a >= lines.length - same.end && then >= 0 ? earlier.codes[2 * then + k] : NOT_ASKED;
  };
  // Every earlier answer that holds is taken at once, not only those asked for: the answers of this parse
  // go on to the rules' reading of the same lines (model.ts), which ask about pairs the layout does not,
  // and whose answers the region keeps for the next parse (keepAnswers).
  if (earlier) for (let slot = 0; slot < codes.length; slot++) codes[slot] = earlierCode(slot >> 1, slot & 1);
  // Whether the pair of line j and line j + 1 + k is answered without the segmenter (an earlier answer, or
  // no Han character either side of the join), its code written if so.
  const answeredWithout = (j: number, k: number): boolean => {
    const slot = 2 * j + k;
    if (codes[slot] !== NOT_ASKED) return true;
    const code = earlierCode(j, k);
    if (code !== NOT_ASKED) {
      codes[slot] = code;
      return true;
    }
    const before = lines[j].text;
    const after = lines[j + 1 + k].text;
    if (!isHanCode(before.charCodeAt(before.length - 1)) || !isHanCode(after.charCodeAt(0))) {
      codes[slot] = NO_WORD;
      return true;
    }
    return false;
  };
  // The pairs from line `a` on at distance k + 1 not yet answered, up to ASKED_TOGETHER of them that the
  // segmenter must see, answered in one call (wordsAcrossWindows): the layout asks about the lines in order,
  // and most of the pairs after this one are asked soon after.
  const answerFrom = (a: number, k: number): void => {
    const until = lookAhead?.until ?? lines.length;
    for (let j = a; j + 1 + k < lines.length && batchCount < ASKED_TOGETHER; j++) {
      // Past the first (the pair asked), none past `until`.
      if (j > a && j >= until && codes[2 * j + k] === NOT_ASKED) break;
      if (answeredWithout(j, k)) continue;
      // And only pairs the caller may ask about (asked after the cheap tests above, which answer most pairs
      // for good: a pair passed over here is looked at again by the next call).
      if (j > a && k === 1 && lookAhead && !lookAhead.around(j + 1)) continue;
      addToBatch(2 * j + k, lines[j].text, lines[j + 1 + k].text);
    }
    askBatch(codes);
  };
  const answerPairs = (firsts: readonly number[]): void => {
    for (const a of firsts) {
      if (a < 0 || a + 1 >= lines.length || answeredWithout(a, 0)) continue;
      addToBatch(2 * a, lines[a].text, lines[a + 1].text);
      if (batchCount === ASKED_TOGETHER) askBatch(codes);
    }
    askBatch(codes);
  };
  const across = (a: number, b: number): WordAcross | undefined => {
    if (a < 0 || b >= lines.length || b <= a) return undefined;
    if (b - a > 2) return wordAcross(lines[a].text, lines[b].text);
    const slot = 2 * a + (b - a - 1);
    let code = codes[slot];
    if (code === NOT_ASKED) {
      answerFrom(a, b - a - 1);
      code = codes[slot];
    }
    if (code === NO_WORD) return undefined;
    const left = ((code - 2) >> 2) + 1;
    const right = ((code - 2) & 3) + 1;
    const word = tailWithoutSpaces(lines[a].text, WORD_WINDOW).slice(-left) + headWithoutSpaces(lines[b].text, WORD_WINDOW).slice(0, right);
    return { word, left, right };
  };
  const forLines = (from: number, to: number, own: readonly PlacedLine[]): WordsAcrossLines => {
    const reading = wordsAcrossLines(own);
    reading.answeredCodes().set(codes.subarray(2 * from, 2 * to));
    return reading;
  };
  return Object.assign(across, { answers: (): WordAnswers => ({ ...linesIn(lines, source), codes }), answeredCodes: () => codes, answerPairs, forLines });
}

/**
 * Adds to `answers` (a region's) what `across` (a reading of lines [from, from + n) of the same lines: the
 * rules' model of the region) answered that it does not hold, for the next parse of those lines to reuse.
 * An answer depends only on the two lines' text, so adding one changes none already there.
 */
export function keepAnswers(answers: WordAnswers, from: number, across: WordsAcrossLines): void {
  const own = across.answeredCodes();
  const codes = answers.codes;
  const offset = 2 * from;
  const end = Math.min(own.length, codes.length - offset);
  for (let i = 0; i < end; i++) if (codes[offset + i] === NOT_ASKED && own[i] !== NOT_ASKED) codes[offset + i] = own[i];
}

/**
 * Where `lines` stand in `source`, the text they were read from; lines not read from it (or no source)
 * get a text of their own, joined from theirs.
 */
function linesIn(lines: readonly PlacedLine[], source: string | undefined): Pick<WordAnswers, 'source' | 'spans'> {
  let fromSource = source !== undefined;
  for (let i = 0; fromSource && i < lines.length; i++) {
    const { text, start } = lines[i];
    fromSource = start !== undefined && source!.startsWith(text, start);
  }
  const text = fromSource ? source! : lines.map((line) => line.text).join('');
  const spans = text.length <= 0xffff ? new Uint16Array(2 * lines.length) : new Int32Array(2 * lines.length);
  let at = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const start = fromSource ? line.start! : at;
    at = start + line.text.length;
    spans[2 * i] = start;
    spans[2 * i + 1] = at;
  }
  return { source: text, spans };
}

/** The answers about lines [from, to) alone (pairs reaching past `to` are never asked of them). */
export function sliceAnswers(answers: WordAnswers, from: number, to: number): WordAnswers {
  return { source: answers.source, spans: answers.spans.slice(2 * from, 2 * to), codes: answers.codes.slice(2 * from, 2 * to) };
}

/** How many lines are the same at the start of both lists, and how many of the rest at the end. */
function sameLines(lines: readonly PlacedLine[], earlier: WordAnswers): { start: number; end: number } {
  const count = earlier.spans.length / 2;
  const shorter = Math.min(lines.length, count);
  const isLine = (i: number, text: string): boolean =>
    earlier.spans[2 * i + 1] - earlier.spans[2 * i] === text.length && earlier.source.startsWith(text, earlier.spans[2 * i]);
  let start = 0;
  while (start < shorter && isLine(start, lines[start].text)) start++;
  let end = 0;
  while (end < shorter - start && isLine(count - 1 - end, lines[lines.length - 1 - end].text)) end++;
  return { start, end };
}

/** A digit on one side of the break: a figure whose unit or context is on the other (`2017` / `年`). */
export function splitsFigure(before: string, after: string): boolean {
  const last = before.charCodeAt(before.length - 1);
  const first = after.charCodeAt(0);
  if (isAsciiDigitCode(last)) return isHanCode(first) || first === 0x25 /* % */ || first === 0x2030 /* ‰ */ || startsWithContinuation(after);
  return isAsciiDigitCode(first) && (isHanCode(last) || last === 0x2e /* . */);
}

function isAsciiDigitCode(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/**
 * Width in ems of what must stand at the start of the next line: a Latin word or number (which cannot
 * be broken), or one Han character with the marks that may not begin a line after it. When this did
 * not fit in the space left on the line before, the line was wrapped, not ended.
 */
export function leadingUnitWidth(text: string): number {
  // By code unit, and measured in place: asked of every line, with no string made.
  let end = 0;
  while (end < text.length && isOpeningMarkCode(text.charCodeAt(end))) end++;
  if (isLatinOrDigitCode(text.charCodeAt(end))) {
    while (end < text.length && (isLatinOrDigitCode(text.charCodeAt(end)) || UNIT_SYMBOL_CODES.has(text.charCodeAt(end)))) end++;
  } else if (end < text.length) {
    end += text.codePointAt(end)! > 0xffff ? 2 : 1;
  }
  while (end < text.length && CONTINUATION_CODES.has(text.charCodeAt(end))) end++;
  return emWidth(text, 0, end);
}

/** Symbols that go on a Latin word or number at the start of a line (`-_./:@#&'+%‰’`). */
const UNIT_SYMBOL_CODES = new CodeSet("-_./:@#&'+%‰’");

const [OPEN_QUOTE, OPEN_PAREN_FULL, OPEN_TITLE, OPEN_PAREN] = Array.from('“（《(', (ch) => ch.charCodeAt(0));
const [CLOSE_QUOTE, CLOSE_PAREN_FULL, CLOSE_TITLE, CLOSE_PAREN] = Array.from('”）》)', (ch) => ch.charCodeAt(0));

/** A quote or bracket opened earlier in the paragraph and not yet closed when the line ends. */
export function opensPending(text: string, pending: number): number {
  let depth = pending;
  // By code unit (every mark is one): no string per character of every line.
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === OPEN_QUOTE || code === OPEN_PAREN_FULL || code === OPEN_TITLE || code === OPEN_PAREN) depth++;
    else if ((code === CLOSE_QUOTE || code === CLOSE_PAREN_FULL || code === CLOSE_TITLE || code === CLOSE_PAREN) && depth > 0) depth--;
  }
  return depth;
}

let segmenter: Intl.Segmenter | undefined;
function wordSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return segmenter;
}

/**
 * The word Node's dictionary segmenter finds straddling the join of two Han characters (贡 / 献 → 贡献):
 * `left` characters before the break and `right` after, or undefined when the join falls between words.
 */
export function wordAcross(before: string, after: string): { word: string; left: number; right: number } | undefined {
  if (!isHanCode(before.charCodeAt(before.length - 1)) || !isHanCode(after.charCodeAt(0))) return undefined;
  const left = tailWithoutSpaces(before, WORD_WINDOW);
  const right = headWithoutSpaces(after, WORD_WINDOW);
  const join = left.length;
  // Segments tile the text, so the only one that can straddle the join is the one holding its last
  // character before it (asking for that one alone is several times faster than walking them all).
  const segment = wordSegmenter().segment(left + right).containing(join - 1);
  if (!segment) return undefined;
  const end = segment.index + segment.segment.length;
  if (end > join && segment.isWordLike && isHan(segment.segment[0])) {
    return { word: segment.segment, left: join - segment.index, right: end - join };
  }
  return undefined;
}

export interface WordAcross {
  readonly word: string;
  readonly left: number;
  readonly right: number;
}

/**
 * The line starts with a lone Han character that the segmenter cannot make a word of with what follows
 * it (`个坚决的`, `区，Linux`): the tail of a word begun elsewhere, not the start of a sentence (`点击右下角`).
 */
export function startsWithWordTail(text: string): boolean {
  if (!isHanCode(text.charCodeAt(0))) return false;
  const head = headWithoutSpaces(text, WORD_WINDOW);
  const first = wordSegmenter().segment(head).containing(0);
  return first !== undefined && first.segment.length === 1;
}

function tailWithoutSpaces(text: string, count: number): string {
  // Usually no space is near the end: then the tail is a plain slice (no string built a character at a time).
  const tail = text.slice(Math.max(0, text.length - count));
  if (!hasInlineSpace(tail)) return tail;
  let result = '';
  for (let i = text.length - 1; i >= 0 && result.length < count; i--) if (!isInlineSpace(text[i])) result = text[i] + result;
  return result;
}

function headWithoutSpaces(text: string, count: number): string {
  const head = text.slice(0, count);
  if (!hasInlineSpace(head)) return head;
  let result = '';
  for (let i = 0; i < text.length && result.length < count; i++) if (!isInlineSpace(text[i])) result += text[i];
  return result;
}
