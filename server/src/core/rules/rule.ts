// What every rule module exports, and what a rule reports.

import type { ArticleModel } from '../article';
import type { Edit } from '../text';
import type { Steps } from '../parts';

export type { Edit } from '../text';
import type { Severity, Settings } from '../settings';
import type { LocalizedText } from '../localized';

export { localize, type LocalizedText } from '../localized';

/** A message in both languages; `{name}` placeholders are filled from a report's args. */
export type RuleTag = 'layout' | 'spacing' | 'punctuation' | 'structure';

export interface Rule {
  /** Stable kebab-case id, used as the diagnostic code and in settings. */
  readonly id: string;
  readonly tags: readonly RuleTag[];
  readonly defaultSeverity: Exclude<Severity, 'off'>;
  /** Whether the rule's reports carry a fix (a test checks this against behaviour). */
  readonly fixable: boolean;
  /**
   * A wrap rule: it reports a line break the extractor put inside a paragraph, fixed by joining the lines
   * (the editor offers to join a whole paragraph at its problems; the oracle evaluation turns these off).
   */
  readonly wrap: boolean;
  /** What it reports is text to delete (editors show it faded, as unnecessary code). */
  readonly marksUnnecessary: boolean;
  /**
   * What its check reads. 'region' (the default): one region's model at a time (regions.ts), so an edit
   * re-checks only the regions it touched. 'document': the whole document's model, once per version, at
   * every length: such a rule reads the outline's pairing of labels with titles across the whole article,
   * whose reading of the lines is kept per region (outline/boxPairing.ts).
   */
  readonly scope?: 'region' | 'document';
  /**
   * For a document rule: what its check reads, computed a step at a time (pausing where other work may
   * run) while a large document is analysed in steps (regions.ts), so that the check itself is quick.
   */
  readonly prepare?: (model: ArticleModel) => Steps<unknown>;
  readonly messages: Readonly<Record<string, LocalizedText>>;
  check(context: RuleContext): void;
}

export interface RelatedLocation {
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

export interface Report {
  readonly start: number;
  readonly end: number;
  readonly messageId: string;
  readonly args?: Readonly<Record<string, string | number>>;
  readonly fix?: readonly Edit[];
  readonly related?: ReadonlyArray<{ start: number; end: number; messageId: string; args?: Readonly<Record<string, string | number>> }>;
  /**
   * The rule is unsure of this problem (a break the layout model decided with low confidence): it is
   * shown one severity gentler than the rule's (warning → information), and its message says so.
   */
  readonly uncertain?: boolean;
}

export interface RuleContext {
  readonly model: ArticleModel;
  readonly settings: Settings;
  /** The rule's own options from its setting object (empty when it is a bare severity). */
  readonly options: Readonly<Record<string, unknown>>;
  report(report: Report): void;
}

/** A problem found in a document, in source offsets, with its message in the settings' locale. */
export interface Problem {
  readonly ruleId: string;
  readonly severity: Exclude<Severity, 'off'>;
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly fix?: readonly Edit[];
  readonly related?: readonly RelatedLocation[];
}
