// What each rule checks, in English and Chinese, by rule id. `npm run gen:settings` writes them into the
// settings' descriptions (package.json, the .article-lint.json schema, the nls files). Each is written in its
// rule's module, beside the rule, but not in the rule object: the servers never show a description, and the
// browser's server, which has a size budget, does not ship them (esbuild drops an export nothing imports).

import type { LocalizedText } from './rule';
import { description as blockSpacing } from './blockSpacing';
import { description as brokenLine } from './brokenLine';
import { description as brokenWord } from './brokenWord';
import { description as cjkLatinSpacing } from './cjkLatinSpacing';
import { description as displacedLabel } from './displacedLabel';
import { description as fullWidthAlnum } from './fullWidthAlnum';
import { description as halfWidthPunctuation } from './halfWidthPunctuation';
import { description as lostText } from './lostText';
import { description as punctuationForms } from './punctuationForms';
import { description as spaceAroundPunctuation } from './spaceAroundPunctuation';
import { description as spaceBetweenHan } from './spaceBetweenHan';
import { description as spaceBetweenLatin } from './spaceBetweenLatin';
import { description as splitFigure } from './splitFigure';
import { description as strandedPunctuation } from './strandedPunctuation';
import { description as unbalancedBrackets } from './unbalancedBrackets';

export const ruleDescriptions: Readonly<Record<string, LocalizedText>> = {
  'broken-line': brokenLine,
  'broken-word': brokenWord,
  'split-figure': splitFigure,
  'stranded-punctuation': strandedPunctuation,
  'lost-text': lostText,
  'block-spacing': blockSpacing,
  'displaced-label': displacedLabel,
  'space-around-punctuation': spaceAroundPunctuation,
  'space-between-han': spaceBetweenHan,
  'space-between-latin': spaceBetweenLatin,
  'half-width-punctuation': halfWidthPunctuation,
  'full-width-alnum': fullWidthAlnum,
  'cjk-latin-spacing': cjkLatinSpacing,
  'punctuation-forms': punctuationForms,
  'unbalanced-brackets': unbalancedBrackets,
};
