// What the half-width punctuation rule needs to know about a block's logical text, each found in one
// linear pass: where URLs and e-mail addresses are, and which marks sit in a Chinese context.

import { isAsciiLetterCode, isCjkCode, isHanCode, isInlineSpaceCode, isLatinOrDigitCode } from '../charClasses';
import { Scratch } from '../scratch';

// Each mask is lent (scratch.ts): valid until the same function is called again, which the rule does once
// per block, when it is done with the block before.
const ADDRESSES = new Scratch((n) => new Uint8Array(n));
const ENGLISH = new Scratch((n) => new Uint8Array(n));
const HAN_PREFIX = new Scratch((n) => new Uint32Array(n));
const EMOTICONS = new Scratch((n) => new Uint8Array(n));

/** Characters that may continue a URL once its scheme or `www.` is seen. */
function isUrlChar(code: number): boolean {
  return code > 0x20 && code !== 0x22 /* " */ && code !== 0x3c /* < */ && code !== 0x3e /* > */ && !isInlineSpaceCode(code) && !isCjkCode(code);
}

const EMAIL_LOCAL = /[A-Za-z0-9._%+-]/;
const EMAIL_DOMAIN = /[A-Za-z0-9.-]/;
/** Marks that end a sentence around a URL rather than belonging to it. */
const TRAILING_MARKS = ',.;:!?)\'"';

/** Marks offsets inside URLs (scheme:// or www.) and e-mail addresses, which no mark rule may touch. */
export function addressMask(text: string): Uint8Array {
  const mask = ADDRESSES.lend(text.length);
  const lower = text.toLowerCase();
  const protect = (start: number, end: number): number => {
    while (end > start && TRAILING_MARKS.includes(text[end - 1])) end--;
    mask.fill(1, start, end);
    return end;
  };
  for (let at = lower.indexOf('://'); at >= 0; at = lower.indexOf('://', at + 3)) {
    let start = at;
    while (start > 0 && start > at - 12 && /[a-z0-9+.-]/.test(lower[start - 1])) start--;
    let end = at + 3;
    while (end < text.length && isUrlChar(text.charCodeAt(end))) end++;
    protect(start, end);
    at = Math.max(at, end - 3);
  }
  for (let at = lower.indexOf('www.'); at >= 0; at = lower.indexOf('www.', at + 4)) {
    let end = at + 4;
    while (end < text.length && isUrlChar(text.charCodeAt(end))) end++;
    protect(at, end);
    at = Math.max(at, end - 4);
  }
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && EMAIL_LOCAL.test(text[start - 1])) start--;
    let end = at + 1;
    while (end < text.length && EMAIL_DOMAIN.test(text[end])) end++;
    if (start < at && text.slice(at + 1, end).includes('.')) protect(start, end);
  }
  return mask;
}

/** The nearest character before `index` that is not inline whitespace. */
export function previousNonSpace(text: string, index: number): string | undefined {
  let i = index - 1;
  while (i >= 0 && isInlineSpaceCode(text.charCodeAt(i))) i--;
  return i >= 0 ? text[i] : undefined;
}

/** The nearest character after `index` that is not inline whitespace. */
export function nextNonSpace(text: string, index: number): string | undefined {
  let i = index + 1;
  while (i < text.length && isInlineSpaceCode(text.charCodeAt(i))) i++;
  return i < text.length ? text[i] : undefined;
}

/**
 * For each offset, whether the Latin text since the last Chinese character already holds two words
 * (`It works! 然后`): a mark there ends an English phrase, not a Chinese clause.
 */
export function englishPhraseMask(text: string): Uint8Array {
  const mask = ENGLISH.lend(text.length);
  let phrase = false;
  let spaceAfterText = false;
  let seenText = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isCjkCode(code)) {
      phrase = spaceAfterText = seenText = false;
    } else if (isInlineSpaceCode(code)) {
      if (seenText) spaceAfterText = true;
    } else {
      if (spaceAfterText && isLatinOrDigitCode(code) && !(code >= 0x30 && code <= 0x39)) phrase = true;
      spaceAfterText = false;
      seenText = true;
    }
    mask[i] = phrase ? 1 : 0;
  }
  return mask;
}

/** Prefix counts of Han characters, so "does this span hold Chinese" is one subtraction. */
export function hanPrefix(text: string): Uint32Array {
  const counts = HAN_PREFIX.lend(text.length + 1);
  for (let i = 0; i < text.length; i++) counts[i + 1] = counts[i] + (isHanCode(text.charCodeAt(i)) ? 1 : 0);
  return counts;
}

/** Han or full-width punctuation. */
export function isChineseNeighbour(ch: string | undefined): boolean {
  return ch !== undefined && isCjkCode(ch.charCodeAt(0));
}

export function isHanChar(ch: string | undefined): boolean {
  return ch !== undefined && isHanCode(ch.charCodeAt(0));
}

/** A letter of a non-CJK script (not a digit). */
export function isLetter(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const code = ch.charCodeAt(0);
  return isLatinOrDigitCode(code) && !(code >= 0x30 && code <= 0x39);
}

/** Characters that may draw a mouth after an emoticon's eyes (and nose): `:)`, `;-)`, `:D`, `:'(`, `=P`. */
const MOUTHS = ')(][DPpO|\\/*';
const NOSES = "-'^";

/**
 * Marks offsets inside emoticons (`:)`, `;-)`, `:-(`, `:D`, `=P`), which are ASCII art, not punctuation: eyes
 * (: ; =), an optional nose (- ' ^), a mouth, repeated or not (:))). The eyes must not follow a letter or
 * digit (12:30, Note:), and nothing may run on from the mouth: a letter or digit (:Download, :[1], :/usr), or a
 * Han character after a letter or round mouth (:(一) opens a bracket). A `)` while a `(` is pending closes it.
 */
export function emoticonMask(text: string): Uint8Array {
  const mask = EMOTICONS.lend(text.length);
  let openParens = 0;
  // By code unit: a string for every character of a Chinese paragraph was garbage.
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x28 /* ( */) openParens++;
    else if (code === 0x29 /* ) */ && openParens > 0) openParens--;
    if (code !== 0x3a /* : */ && code !== 0x3b /* ; */ && code !== 0x3d /* = */) continue;
    if (i > 0 && isLatinOrDigitCode(text.charCodeAt(i - 1))) continue;
    let mouth = i + 1;
    if (NOSES.includes(text[mouth] ?? 'x')) mouth++;
    const face = text[mouth];
    if (face === undefined || !MOUTHS.includes(face)) continue;
    let end = mouth + 1;
    while (text[end] === face) end++;
    const after = text.charCodeAt(end);
    if (isLatinOrDigitCode(after) || text[end] === '(' || text[end] === '[') continue;
    if ((isAsciiLetterCode(face.charCodeAt(0)) || face === '(') && isHanCode(after)) continue;
    if (face === ')' && openParens > 0) continue;
    mask.fill(1, i, end);
    i = end - 1;
  }
  return mask;
}

/** Whether a bracket's content is ASCII art: symbols with no letter, digit or Han character ((^_^), (>_<)). */
export function isAsciiArt(content: string): boolean {
  return content.length > 0 && !/[\p{L}\p{N}]/u.test(content) && !/\s/.test(content);
}
