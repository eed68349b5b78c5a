// The people quoted in an article, a reader's second way through it: 中国工程院院士、清华大学教授
// 吴建平说 → 吴建平 (中国工程院院士、清华大学教授). Unnamed sources (专家认为, 企业负责人说) are not
// people and are left out.

import { derive, type ArticleModel } from './model';
import { compactBlock, sourceRange, type CompactText } from './outline/compact';
import { endsSentence } from './outline/titles';
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
export function speakersOf(model: ArticleModel): readonly Speaker[] {
  return derive(model, 'speakers', findSpeakers);
}

/** The marks a clause ends at, by code unit: clauseBefore walks back over every character of a clause. */
const CLAUSE_BOUNDARY_CODES: ReadonlySet<number> = new Set(Array.from('。！？；，：“”‘’「」『』!?;,:', (ch) => ch.charCodeAt(0)));
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
  for (const passage of passages) {
    byVerb(passage.text, remember);
    byQuote(passage.text, remember);
  }
  const speakers: Speaker[] = [];
  const body = joinedPassages(passages);
  const mentions = countMentions(body.text, [...found.keys()]);
  for (const { name, role } of found.values()) {
    const { count, first } = mentions.get(name)!;
    if (count === 0) continue;
    const passage = body.passageAt(first);
    const offset = body.starts[passage];
    speakers.push({ name, role, ...sourceRange(passages[passage], first - offset, first - offset + name.length), mentions: count });
  }
  return speakers.sort((a, b) => a.start - b.start);
}

/**
 * For each name, how often it occurs in the text without overlapping itself (as a scan with indexOf from
 * the end of each match counts) and where first: one pass over the text for all names together, which
 * are looked up by their first character (hundreds of names in a book, each scanned for alone was slow).
 */
function countMentions(text: string, names: readonly string[]): Map<string, { count: number; first: number }> {
  const counts = new Map<string, { count: number; first: number; next: number }>();
  const byFirst = new Map<number, string[]>();
  for (const name of names) {
    counts.set(name, { count: 0, first: -1, next: 0 });
    const code = name.charCodeAt(0);
    const list = byFirst.get(code);
    if (list) list.push(name);
    else byFirst.set(code, [name]);
  }
  for (let at = 0; at < text.length; at++) {
    const candidates = byFirst.get(text.charCodeAt(at));
    if (!candidates) continue;
    for (const name of candidates) {
      const count = counts.get(name)!;
      if (at < count.next || !text.startsWith(name, at)) continue;
      if (count.count === 0) count.first = at;
      count.count++;
      count.next = at + name.length;
    }
  }
  return counts;
}

/** A character no name can hold (names are Han), keeping a match from running over into the next passage. */
const PASSAGE_SEPARATOR = '\n';

/**
 * The passages as one text, so each name is looked for with one scan instead of one per passage (hundreds
 * of names times thousands of passages in a book). A match never spans the separator, so the matches and
 * their count are those of the passages one by one.
 */
function joinedPassages(passages: readonly CompactText[]): { text: string; starts: number[]; passageAt(at: number): number } {
  const starts: number[] = [];
  let length = 0;
  for (const passage of passages) {
    starts.push(length);
    length += passage.text.length + PASSAGE_SEPARATOR.length;
  }
  const text = passages.map((passage) => passage.text).join(PASSAGE_SEPARATOR);
  const passageAt = (at: number): number => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= at) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  return { text, starts, passageAt };
}

/** Body text as runs of paragraphs, joining paragraphs the layout split mid-sentence. */
function bodyPassages(model: ArticleModel): CompactText[] {
  const passages: CompactText[] = [];
  let text = '';
  let sources: number[] = [];
  const flush = (): void => {
    if (text) passages.push({ text, sources });
    text = '';
    sources = [];
  };
  for (const block of model.blocks) {
    if (block.role !== 'body') {
      flush();
      continue;
    }
    const compact = compactBlock(block);
    text += compact.text;
    sources = sources.concat(compact.sources);
    if (endsSentence(compact.text)) flush();
  }
  flush();
  return passages;
}

/** SPEECH_VERBS by the code of their first character, in list order: byVerb looks at every character of the body. */
const VERBS_BY_FIRST_CODE = ((): ReadonlyMap<number, readonly string[]> => {
  const byFirst = new Map<number, string[]>();
  for (const verb of SPEECH_VERBS) {
    const code = verb.charCodeAt(0);
    byFirst.set(code, [...(byFirst.get(code) ?? []), verb]);
  }
  return byFirst;
})();

/** 1 for each code a speech verb starts with: a table answers for the many other characters faster than the map. */
const VERB_STARTS: Uint8Array = (() => {
  const table = new Uint8Array(0x10000);
  for (const verb of SPEECH_VERBS) table[verb.charCodeAt(0)] = 1;
  return table;
})();

/** `<role><name><verb>` and `<name><title><verb>`: 研究员杨海燕认为, 习近平总书记指出. */
function byVerb(text: string, found: (candidate: Found) => void): void {
  for (let at = 1; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (VERB_STARTS[code] !== 1) continue;
    const verbs = VERBS_BY_FIRST_CODE.get(code);
    if (!verbs) continue;
    const verb = verbs.find((v) => text.startsWith(v, at));
    if (!verb) continue;
    const clause = trimClause(clauseBefore(text, at));
    if (clause !== undefined) {
      const candidate = splitRoleAndName(clause) ?? nameThenTitle(clause);
      if (candidate) found(candidate);
    }
    at += verb.length - 1;
  }
}

/** `<role word><name>` in a sentence with a direct quote: 种粮大户刘建军算起了丰收账：…“今年种粮的信心更足了”. */
function byQuote(text: string, found: (candidate: Found) => void): void {
  for (const [word, at] of roleWordsIn(text)) {
    const nameStart = at + word.length;
    const name = VERB_START.has(text[nameStart + 2]) ? text.slice(nameStart, nameStart + 2) : text.slice(nameStart, nameStart + 3);
    if (!startsWithSurname(name) || insideBrackets(text, at)) continue;
    const sentenceEnd = endOfSentence(text, nameStart);
    if (!hasQuotation(text, nameStart, sentenceEnd)) continue;
    const role = cleanRole(clauseBefore(text, nameStart) ?? '');
    if (role && !isReporter(role)) found({ name, role });
  }
}

/** ROLE_WORDS by their indices, grouped by first code unit, and a table of those codes. */
const ROLE_WORDS_BY_FIRST: ReadonlyMap<number, readonly number[]> = (() => {
  const byFirst = new Map<number, number[]>();
  ROLE_WORDS.forEach((word, index) => byFirst.set(word.charCodeAt(0), [...(byFirst.get(word.charCodeAt(0)) ?? []), index]));
  return byFirst;
})();
const ROLE_STARTS: Uint8Array = (() => {
  const table = new Uint8Array(0x10000);
  for (const word of ROLE_WORDS) table[word.charCodeAt(0)] = 1;
  return table;
})();

/**
 * Every occurrence of every role word (overlapping ones too), in the order of ROLE_WORDS and then of
 * position: what a scan with indexOf for each word finds, from one pass instead of one per word.
 */
function roleWordsIn(text: string): Array<readonly [string, number]> {
  const hits: Array<readonly [number, number]> = [];
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (ROLE_STARTS[code] !== 1) continue;
    for (const index of ROLE_WORDS_BY_FIRST.get(code)!) if (text.startsWith(ROLE_WORDS[index], at)) hits.push([index, at]);
  }
  // A stable sort by word keeps each word's hits in the order found.
  hits.sort((a, b) => a[0] - b[0]);
  return hits.map(([index, at]) => [ROLE_WORDS[index], at] as const);
}

/** The clause before `at` (back to the last comma, quote or sentence end), unless it sits in brackets. */
function clauseBefore(text: string, at: number): string | undefined {
  if (insideBrackets(text, at)) return undefined;
  let start = at;
  while (start > 0 && !CLAUSE_BOUNDARY_CODES.has(text.charCodeAt(start - 1))) start--;
  return text.slice(start, at);
}

function insideBrackets(text: string, at: number): boolean {
  const open = Math.max(text.lastIndexOf('（', at), text.lastIndexOf('(', at));
  if (open < 0) return false;
  const close = Math.max(text.lastIndexOf('）', at), text.lastIndexOf(')', at));
  return close < open;
}

function endOfSentence(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === '“') depth++;
    else if (ch === '”') depth = Math.max(0, depth - 1);
    else if (depth === 0 && '。！？'.includes(ch)) return i + 1;
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
    if (endsLikeRole(role) && !isReporter(role)) return { name, role };
  }
  return undefined;
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
    const ch = text[i];
    if (ch === '“' && firstOpen < 0) firstOpen = i;
    else if (ch === '”') {
      if (firstOpen >= 0 && i - firstOpen - 1 >= 6) return true;
      firstOpen = -1;
    }
  }
  return false;
}
