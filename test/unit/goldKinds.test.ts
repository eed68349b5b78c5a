// Why the corpus truth labels a break as it does (scripts/gold-breaks.mjs goldKinds): training leaves out
// the breaks where the extractor dropped characters (a comma hung in the margin), whose KEEP label says
// nothing of the layout (scripts/train/train.mjs KIND_WEIGHT).

import * as assert from 'node:assert/strict';

type Kinds = (afterStart: number) => string | undefined;

/** The scorer's helpers are plain JavaScript modules (scripts/), imported by path at run time. */
const GOLD_BREAKS = '../../scripts/gold-breaks.mjs';

async function kindsOf(extracted: string, truth: string): Promise<Kinds> {
  const { goldKinds } = (await import(GOLD_BREAKS)) as { goldKinds: (extracted: string, truth: string) => Kinds };
  return goldKinds(extracted, truth);
}

/** The kind of the break before the line of `extracted` that starts with `prefix`. */
function before(kinds: Kinds, extracted: string, prefix: string): string | undefined {
  const at = extracted.indexOf(`\n${prefix}`);
  assert.ok(at >= 0, `no line starting with ${prefix}`);
  return kinds(at + 1);
}

describe('goldKinds: why the truth labels a break', () => {
  it('tells a join, a block edge, characters lost at the break, text moved and text not in the truth apart', async () => {
    const truth = '第一段的文字写在这里，一直写到了这一行的末尾。\n\n第二段从这里开始，说的是另外一件事情。\n';
    // A join (这里，/一直), a block edge (末尾。/第二段), a comma lost at the break (开始/说的).
    const extracted = '第一段的文字写在这里，\n一直写到了这一行的末尾。\n第二段从这里开始\n说的是另外一件事情。\n';
    const kinds = await kindsOf(extracted, truth);
    assert.equal(before(kinds, extracted, '一直'), 'join');
    assert.equal(before(kinds, extracted, '第二段'), 'block');
    assert.equal(before(kinds, extracted, '说的是'), 'lost');
    // A line the extractor moved after the text that follows it in the truth: the break it was taken
    // from joins text the truth holds apart by more than a character or two (the alignment is monotone,
    // so the moved line itself is left unaligned).
    const moved = '第一段的文字写在这里，\n第二段从这里开始，说的是另外一件事情。\n一直写到了这一行的末尾。\n';
    const movedKinds = await kindsOf(moved, truth);
    assert.equal(before(movedKinds, moved, '第二段'), 'order');
    assert.equal(before(movedKinds, moved, '一直'), 'unaligned');
    // A line the truth does not hold at all (a running head).
    const extra = '第一段的文字写在这里，\n页眉页眉页眉页眉\n一直写到了这一行的末尾。\n\n第二段从这里开始，说的是另外一件事情。\n';
    assert.equal(before(await kindsOf(extra, truth), extra, '页眉'), 'unaligned');
  });
});
