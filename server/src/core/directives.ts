// Inline comments that turn rules off for a region or the next line:
//   <!-- article-lint-disable [rule-id …] -->  …  <!-- article-lint-enable [rule-id …] -->
//   <!-- article-lint-disable-next-line [rule-id …] -->

import type { Fragment } from './model';

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line';

export interface Directive {
  readonly kind: DirectiveKind;
  /** Rule ids named; empty means every rule. */
  readonly ruleIds: readonly string[];
  readonly fragment: number;
  readonly line: number;
}

const DIRECTIVE = /^<!--\s*article-lint-(disable-next-line|disable|enable)\b([^>]*?)\s*-->$/;

export function parseDirective(fragment: Fragment): Directive | undefined {
  if (!fragment.text.startsWith('<!--')) return undefined;
  const match = DIRECTIVE.exec(fragment.text);
  if (!match) return undefined;
  const ruleIds = match[2].split(/[\s,]+/).filter((id) => id.length > 0);
  return { kind: match[1] as DirectiveKind, ruleIds, fragment: fragment.index, line: fragment.line };
}

/** Answers whether a rule is silenced at a line, from the directives in document order. */
export class DirectiveIndex {
  private readonly regions: Array<{ fromLine: number; toLine: number; ruleIds: readonly string[] }> = [];

  constructor(directives: readonly Directive[], nextFragmentLine: (fragment: number) => number | undefined) {
    const open = new Map<string, number>();
    const ALL = '*';
    for (const directive of directives) {
      const ids = directive.ruleIds.length > 0 ? directive.ruleIds : [ALL];
      if (directive.kind === 'disable-next-line') {
        const target = nextFragmentLine(directive.fragment);
        if (target !== undefined) this.regions.push({ fromLine: target, toLine: target, ruleIds: directive.ruleIds });
      } else if (directive.kind === 'disable') {
        for (const id of ids) if (!open.has(id)) open.set(id, directive.line);
      } else {
        const closing = directive.ruleIds.length > 0 ? directive.ruleIds : [...open.keys()];
        for (const id of closing) {
          const from = open.get(id);
          if (from === undefined) continue;
          open.delete(id);
          this.regions.push({ fromLine: from, toLine: directive.line, ruleIds: id === ALL ? [] : [id] });
        }
      }
    }
    for (const [id, from] of open) {
      this.regions.push({ fromLine: from, toLine: Number.MAX_SAFE_INTEGER, ruleIds: id === ALL ? [] : [id] });
    }
  }

  isDisabled(ruleId: string, line: number): boolean {
    for (const region of this.regions) {
      if (line < region.fromLine || line > region.toLine) continue;
      if (region.ruleIds.length === 0 || region.ruleIds.includes(ruleId)) return true;
    }
    return false;
  }
}
