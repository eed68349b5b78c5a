// What a recognised figure is: the fields of the news corpus's expect.json, plus where it stands.

export type FigureKind = 'amount' | 'count' | 'share' | 'year' | 'date' | 'range' | 'ordinal' | 'number' | 'name';

/** A figure found in a piece of text (offsets into that text). */
export interface FoundFigure {
  /** The figure as it reads once wraps are joined, without spaces inside it (20日至21日). */
  readonly text: string;
  readonly kind: FigureKind;
  /**
   * In base units: 27.2万亿元 = 27200000000000, 32.9% = 0.329, 十八大 = 18.
   * Null for dates, ranges and names.
   */
  readonly value: number | null;
  /** 元, 千瓦, 个, %, 成, fraction, 个百分点, 倍 … (absent for years, dates, ordinals, names). */
  readonly unit?: string;
  /** The approximator written with it: 约, 超过, 以上, 左右, ± … */
  readonly approx?: string;
  /** Dates: --04-20, ---20/---21, 2024-12, Q1, ---26T12:15. */
  readonly norm?: string;
  /** Ranges: the ends, in the same scale as `value`. */
  readonly low?: number;
  readonly high?: number;
  /** Offsets in the text searched: [start, end). */
  readonly start: number;
  readonly end: number;
}

/** A figure of an article. */
export interface Figure extends Omit<FoundFigure, 'start' | 'end'> {
  /** Source ranges the figure covers (several when it is split over lines). */
  readonly ranges: ReadonlyArray<readonly [number, number]>;
  readonly block: number;
  /** Offset in the block's logical text. */
  readonly offset: number;
  /** Offset just past the figure in the block's logical text. */
  readonly end: number;
}
