import * as assert from 'node:assert/strict';
import { hasPunctOrSymbol, isPunctOrSymbolCodePoint, isPunctOrSymbolOnly } from '../../server/src/core/charClasses';

// The punctuation-or-symbol predicates read a table instead of the regular expressions they replaced: they
// must answer as those did, surrogates (pairs and lone halves) included.
const ANY = /[\p{P}\p{S}]/u;
const ONLY = /^[\p{P}\p{S}]+$/u;

describe('punctuation or symbol, by table', () => {
  it('answers every BMP code point as \\p{P} or \\p{S}', () => {
    for (let code = 0; code < 0x10000; code++) {
      assert.equal(isPunctOrSymbolCodePoint(code), ANY.test(String.fromCharCode(code)), `U+${code.toString(16)}`);
    }
  });

  it('answers astral code points, surrogate pairs and lone halves as the regular expressions do', () => {
    const pieces = ['a', '汉', '，', '。', '+', '%', ' ', '😀', '𠀀', '𝐀', '\ud83d', '\ude00', '\ud800', '\udc00', '「', '$', '1', '\u3000'];
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const texts = ['', ...pieces];
    for (let k = 0; k < 4000; k++) {
      let text = '';
      const length = 1 + random(6);
      for (let j = 0; j < length; j++) text += pieces[random(pieces.length)];
      texts.push(text);
    }
    for (const text of texts) {
      const shown = JSON.stringify(text);
      assert.equal(hasPunctOrSymbol(text), ANY.test(text), `has ${shown}`);
      assert.equal(isPunctOrSymbolOnly(text), ONLY.test(text), `only ${shown}`);
    }
    for (const code of [0x1f600, 0x20000, 0x1d400, 0x1f4a9, 0x10fffd]) {
      assert.equal(isPunctOrSymbolCodePoint(code), ANY.test(String.fromCodePoint(code)), `U+${code.toString(16)}`);
    }
  });
});
