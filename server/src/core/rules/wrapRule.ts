// The four wrap rules share one shape: report each wrap of their kind, fixed by joining it, saying how
// sure the layout model is that the lines belong together.

import { joinEdit } from '../breaks/join';
import { SURE_PPM } from '../breaks/decide';
import { wrapsOf, type WrapKind } from '../breaks/wraps';
import type { LineBreak } from '../model';
import type { LocalizedText, Rule, RuleContext } from './rule';

/**
 * A wrap rule's two messages: sure (`…: join the lines (97% sure)`) and unsure, a question that tells the
 * editor to look (`…: join the lines? Only 64% sure: check before joining`). `{confidence}` is filled by
 * wrapCertainty.
 */
export function wrapMessages(message: LocalizedText): { split: LocalizedText; splitUnsure: LocalizedText } {
  return {
    split: { en: `${message.en} ({confidence} sure)`, zh: `${message.zh}（把握 {confidence}）` },
    splitUnsure: { en: `${message.en}? Only {confidence} sure: check before joining`, zh: `${message.zh}？把握仅 {confidence}，请核对后再连行` },
  };
}

/**
 * How sure the model is of the joins behind one report (the least sure of them): whether the report is
 * uncertain (shown gentler) and the percentage its message shows, rounded down (never claims 100%).
 */
export function wrapCertainty(breaks: readonly LineBreak[]): { messageId: 'split' | 'splitUnsure'; uncertain: boolean; confidence: string } {
  let least = 1_000_000;
  for (const lineBreak of breaks) least = Math.min(least, lineBreak.confidencePpm);
  const uncertain = least < SURE_PPM;
  return { messageId: uncertain ? 'splitUnsure' : 'split', uncertain, confidence: PERCENTAGES[Math.min(99, Math.floor(least / 10_000))] };
}

/** '0%' to '99%', made once: a raw 10 MB extraction has about a million wraps, each naming its confidence. */
const PERCENTAGES: readonly string[] = Array.from({ length: 100 }, (_, percent) => `${percent}%`);

export function wrapRule(spec: {
  id: string;
  kind: WrapKind;
  message: LocalizedText;
}): Rule {
  return {
    id: spec.id,
    tags: ['layout'],
    defaultSeverity: 'warning',
    fixable: true,
    wrap: true,
    marksUnnecessary: false,
    messages: wrapMessages(spec.message),
    check(context: RuleContext) {
      for (const wrap of wrapsOf(context.model)) {
        if (wrap.kind !== spec.kind) continue;
        const { messageId, uncertain, confidence } = wrapCertainty([wrap.break]);
        context.report({
          start: wrap.start,
          end: wrap.end,
          messageId,
          args: { subject: wrap.subject, confidence },
          fix: [joinEdit(wrap.break)],
          uncertain,
        });
      }
    },
  };
}
