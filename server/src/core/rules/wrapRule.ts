// The four wrap rules share one shape: report each wrap of their kind, fixed by joining it.

import { joinEdit } from '../breaks/join';
import { wrapsOf, type WrapKind } from '../breaks/wraps';
import type { LocalizedText, Rule, RuleContext } from './rule';

export function wrapRule(spec: {
  id: string;
  kind: WrapKind;
  description: LocalizedText;
  message: LocalizedText;
}): Rule {
  return {
    id: spec.id,
    description: spec.description,
    tags: ['layout'],
    defaultSeverity: 'warning',
    fixable: true,
    wrap: true,
    marksUnnecessary: false,
    messages: { split: spec.message },
    check(context: RuleContext) {
      for (const wrap of wrapsOf(context.model)) {
        if (wrap.kind !== spec.kind) continue;
        context.report({
          start: wrap.start,
          end: wrap.end,
          messageId: 'split',
          args: { subject: wrap.subject },
          fix: [joinEdit(wrap.break)],
        });
      }
    },
  };
}
