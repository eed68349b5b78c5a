// The outline's entries (types only: the outline's parts and its face both read them).

/** 'speakers' and 'speaker' come only from `speakerEntries`, never from `outlineOf`. */
export type OutlineKind = 'title' | 'section' | 'heading' | 'byline' | 'speakers' | 'speaker';

export interface OutlineEntry {
  readonly kind: OutlineKind;
  /**
   * 0 for the article title, 1 below it, 2 for sections numbered inside sections (（一） under 一、)
   * and plain headings inside a labelled section. An entry nests under the closest entry before it
   * in this list with a smaller level.
   */
  readonly level: number;
  /** What the outline shows: `信号一  网络强国战略思想形成`, `一、网络底座不断夯实`. */
  readonly name: string;
  /** The label as printed (信号一, 一、, （二）); absent for plain headings, bylines and the title. */
  readonly label?: string;
  readonly title?: string;
  /** A speaker's title or affiliation (for a symbol's detail). */
  readonly detail?: string;
  /** box: the label stands on its own line; inline: it prefixes the title; plain: no label. */
  readonly form?: 'box' | 'inline' | 'plain';
  /** Where the entry is declared (label or title), in source offsets. */
  readonly selectionStart: number;
  readonly selectionEnd: number;
  /** What the entry spans (a section: from its label or title to the next section). */
  readonly start: number;
  readonly end: number;
}

