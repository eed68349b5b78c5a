// Inline comments that turn rules off for a region or the next line:
//   <!-- article-lint-disable [rule-id …] -->  …  <!-- article-lint-enable [rule-id …] -->
//   <!-- article-lint-disable-next-line [rule-id …] -->
// Rule ids are separated by spaces or commas; none means every rule. A directive line is its own block,
// so rules never report on it.

import type { ArticleModel, Directive, DirectiveKind, Fragment } from './article';
import type { LineReader } from './lines';
import type { Edit } from './text';
import { firstIndex } from './search';

export type { Directive, DirectiveKind } from './article';

// `[^>]*` runs to the first `>` and gives back at most the `--` before it, so matching is linear.
const DIRECTIVE = /^<!--\s*article-lint-(disable-next-line|disable|enable)(?=[\s,]|-->)([^>]*)-->$/;

/** The text of a line (without its surrounding whitespace) is a directive. */
export function isDirectiveText(text: string): boolean {
  return text.startsWith('<!--') && DIRECTIVE.test(text);
}

export function parseDirective(fragment: Fragment): Directive | undefined {
  if (!fragment.text.startsWith('<!--')) return undefined;
  const match = DIRECTIVE.exec(fragment.text);
  if (!match) return undefined;
  const ruleIds = match[2].split(/[\s,]+/).filter((id) => id.length > 0);
  return { kind: match[1] as DirectiveKind, ruleIds, fragment: fragment.index, line: fragment.line };
}

/** Which rules are off from a directive's line on: all but some, or some. */
interface RegionState {
  readonly fromLine: number;
  readonly all: boolean;
  /** With `all`: the rules enabled again; without: the rules disabled. */
  readonly ids: ReadonlySet<string>;
}

/** Answers whether a rule is silenced at a line, from the directives in document order. */
export class DirectiveIndex {
  private readonly states: RegionState[] = [];
  /** Line → rule ids silenced on that line alone (empty: every rule). */
  private readonly nextLine = new Map<number, string[]>();

  constructor(directives: readonly Directive[], nextFragmentLine: (fragment: number) => number | undefined) {
    let all = false;
    let ids = new Set<string>();
    for (const directive of directives) {
      const named = directive.ruleIds;
      if (directive.kind === 'disable-next-line') {
        const target = nextFragmentLine(directive.fragment);
        if (target === undefined) continue;
        const previous = this.nextLine.get(target);
        const everything = named.length === 0 || (previous !== undefined && previous.length === 0);
        this.nextLine.set(target, everything ? [] : [...(previous ?? []), ...named]);
        continue;
      }
      const disabling = directive.kind === 'disable';
      if (named.length === 0) {
        all = disabling;
        ids = new Set();
      } else {
        ids = new Set(ids);
        // Under "all off", the set lists rules turned back on; otherwise, rules turned off.
        for (const id of named) if (disabling !== all) ids.add(id); else ids.delete(id);
      }
      this.states.push({ fromLine: directive.line, all, ids });
    }
  }

  isDisabled(ruleId: string, line: number): boolean {
    const only = this.nextLine.get(line);
    if (only !== undefined && (only.length === 0 || only.includes(ruleId))) return true;
    const state = this.stateAt(line);
    if (!state) return false;
    return state.all ? !state.ids.has(ruleId) : state.ids.has(ruleId);
  }

  private stateAt(line: number): RegionState | undefined {
    const states = this.states;
    // The last state starting at or before the line.
    return states[firstIndex(states.length, (i) => states[i].fromLine > line) - 1];
  }
}

/**
 * The edit that turns `ruleId` off for the whole document: its id added to a `disable` directive that
 * already opens the document, or such a directive put before everything else, as a block of its own
 * (a directive line is never joined to the text around it, so the article's layout stays as it was).
 * Undefined when that directive already names the rule.
 */
export function disableForDocumentEdit(model: Pick<ArticleModel, 'directives' | 'eol' | 'bom'>, lines: Pick<LineReader, 'fragment'>, ruleId: string): Edit | undefined {
  const first = model.directives[0];
  if (first && first.fragment === 0 && first.kind === 'disable' && first.ruleIds.length > 0) {
    const fragment = lines.fragment(0);
    if (first.ruleIds.includes(ruleId)) return undefined;
    return { start: fragment.start, end: fragment.end, newText: directiveText('disable', [...first.ruleIds, ruleId]) };
  }
  const start = model.bom ? 1 : 0;
  return { start, end: start, newText: `${directiveText('disable', [ruleId])}${model.eol}${model.eol}` };
}

/**
 * The edit that turns `ruleId` off for the line holding `offset`: its id added to the disable-next-line
 * directive right above it, or such a directive put above it as a block of its own. Undefined where the
 * line continues a paragraph (a directive there would part the paragraph), holds no text, or the
 * directive above already names the rule.
 */
export function disableForLineEdit(
  model: Pick<ArticleModel, 'directives' | 'lineIndex' | 'eol'>,
  lines: Pick<LineReader, 'fragment' | 'role' | 'lineBreak' | 'fragmentOnLine'>,
  ruleId: string,
  offset: number,
): Edit | undefined {
  const fragment = lines.fragmentOnLine(model.lineIndex.lineAt(offset));
  if (!fragment || lines.role(fragment.index) === 'directive') return undefined;
  if (fragment.index > 0 && lines.lineBreak(fragment.index - 1).kind === 'wrap') return undefined;
  const above = model.directives.find((directive) => directive.fragment === fragment.index - 1);
  if (above?.kind === 'disable-next-line' && above.ruleIds.length > 0) {
    if (above.ruleIds.includes(ruleId)) return undefined;
    const line = lines.fragment(above.fragment);
    return { start: line.start, end: line.end, newText: directiveText('disable-next-line', [...above.ruleIds, ruleId]) };
  }
  return { start: fragment.lineStart, end: fragment.lineStart, newText: `${directiveText('disable-next-line', [ruleId])}${model.eol}${model.eol}` };
}

function directiveText(kind: DirectiveKind, ruleIds: readonly string[]): string {
  return `<!-- article-lint-${kind} ${ruleIds.join(' ')} -->`;
}
