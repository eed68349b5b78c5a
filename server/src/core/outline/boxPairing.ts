// The box labels of a document paired with their titles, computed once per model: the outline reads the
// pairing for its sections, the displaced-label rule for the labels the extractor moved away from them.

import type { ArticleModel } from '../model';
import { part } from '../parts';
import { nextContent, pairTitles, previousContent, type Pairing } from './pairing';
import { findBoxLabels, type LabelHit } from './sections';
import { titleUnits, typicalWidth, type TitleUnit } from './titles';

export interface BoxPairing {
  /** The median width of body lines (titles are narrower). */
  readonly width: number;
  /** Box labels of the series the document numbers, in document order. */
  readonly box: readonly LabelHit[];
  /** Every line or heading that reads as a title. */
  readonly units: readonly TitleUnit[];
  readonly pairing: Pairing;
}

const boxLabelsOf: (model: ArticleModel) => readonly LabelHit[] = part(findBoxLabels);

export const boxPairingOf: (model: ArticleModel) => BoxPairing = part((model) => {
  const width = typicalWidth(model);
  const box = boxLabelsOf(model);
  const units = titleUnits(model, width);
  return { width, box, units, pairing: pairTitles(model, box, units, width) };
});

/** A label standing away from every title, and the title it belongs to. */
export interface DisplacedLabel {
  readonly label: LabelHit;
  readonly title: TitleUnit;
}

/**
 * The box labels the extractor moved away from their titles (a run at the end of the page, a label
 * stranded between paragraphs or beside a byline), each with its title. A label right before or after its
 * own title is where it belongs, whatever else the pairing says.
 */
export const displacedLabelsOf: (model: ArticleModel) => readonly DisplacedLabel[] = part((model) => {
  // Most documents have no box label at all: their title candidates are not even looked for.
  if (boxLabelsOf(model).every((hit) => hit.inlineTitle !== undefined)) return [];
  const { box, pairing } = boxPairingOf(model);
  const displaced: DisplacedLabel[] = [];
  box.forEach((label, i) => {
    const title = pairing.titles[i];
    if (!pairing.displaced[i] || !title) return;
    if (title.first === nextContent(model, label.fragment) || title.last === previousContent(model, label.fragment)) return;
    displaced.push({ label, title });
  });
  return displaced;
});
