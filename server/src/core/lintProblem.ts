// A problem as the rules report it, put into words only when its message is read.

import { localize, type Locale, type LocalizedText } from './localized';
import type { Edit, Problem, RelatedLocation } from './rules/rule';
import type { Severity } from './settings';

type Args = Readonly<Record<string, string | number>> | undefined;

/**
 * A raw megabyte of extracted text has some 100,000 problems, of which an editor shows 1,000 and the CLI
 * prints each once: the message is filled from its template and arguments when read, not kept with every
 * problem (a filled-in message is a rope of slices: more memory than the arguments it is made from).
 * Equal template, locale and arguments give the same message, so problems still compare by their fields.
 */
export class LintProblem implements Problem {
  constructor(
    readonly ruleId: string,
    readonly severity: Exclude<Severity, 'off'>,
    readonly start: number,
    readonly end: number,
    private readonly template: LocalizedText,
    private readonly locale: Locale,
    private readonly args: Args,
    readonly fix: readonly Edit[] | undefined,
    readonly related: readonly RelatedLocation[] | undefined,
  ) {}

  get message(): string {
    return localize(this.template, this.locale, this.args);
  }

  /** The same problem `offset` characters on (its fix and related locations with it). */
  movedBy(offset: number): LintProblem {
    const move = (edit: Edit): Edit => ({ start: edit.start + offset, end: edit.end + offset, newText: edit.newText });
    return new LintProblem(
      this.ruleId,
      this.severity,
      this.start + offset,
      this.end + offset,
      this.template,
      this.locale,
      this.args,
      this.fix?.map(move),
      this.related?.map((related) => ({ start: related.start + offset, end: related.end + offset, message: related.message })),
    );
  }

  /** What JSON and a reader see: the fields of Problem, the message in words. */
  toJSON(): Problem {
    return { ruleId: this.ruleId, severity: this.severity, start: this.start, end: this.end, message: this.message, fix: this.fix, related: this.related };
  }
}
