// The registry: every rule, in the order their problems are listed when they tie.

import { blockSpacing } from './blockSpacing';
import { brokenLine } from './brokenLine';
import { brokenWord } from './brokenWord';
import { displacedLabel } from './displacedLabel';
import { lostText } from './lostText';
import type { Rule } from './rule';
import { spaceAroundPunctuation } from './spaceAroundPunctuation';
import { spaceBetweenHan } from './spaceBetweenHan';
import { spaceBetweenLatin } from './spaceBetweenLatin';
import { halfWidthPunctuation } from './halfWidthPunctuation';
import { fullWidthAlnum } from './fullWidthAlnum';
import { cjkLatinSpacing } from './cjkLatinSpacing';
import { punctuationForms } from './punctuationForms';
import { unbalancedBrackets } from './unbalancedBrackets';
import { splitFigure } from './splitFigure';
import { strandedPunctuation } from './strandedPunctuation';

export const rules: readonly Rule[] = [
  brokenLine,
  brokenWord,
  splitFigure,
  strandedPunctuation,
  lostText,
  blockSpacing,
  displacedLabel,
  spaceAroundPunctuation,
  spaceBetweenHan,
  spaceBetweenLatin,
  halfWidthPunctuation,
  fullWidthAlnum,
  cjkLatinSpacing,
  punctuationForms,
  unbalancedBrackets,
];

export function ruleById(id: string): Rule | undefined {
  return rules.find((rule) => rule.id === id);
}
