// What a fixed text still gets wrong, by cause (scripts/eval-residual.mjs residualOf): the categories add up to
// the scorer's edit distance, and each cause is told apart on a hand-made pair.

import * as assert from 'node:assert/strict';

type Tally = (category: string, context: string) => void;

/** The scorer's helpers are plain JavaScript modules (scripts/), imported by path at run time. */
const RESIDUAL = '../../scripts/eval-residual.mjs';
const SCORER = '../../scripts/corpus-score.mjs';

async function causesOf(truth: string, fixed: string): Promise<Map<string, number>> {
  const { residualOf } = (await import(RESIDUAL)) as { residualOf: (truth: string, fixed: string, tally: Tally) => number };
  const causes = new Map<string, number>();
  residualOf(truth, fixed, (category) => causes.set(category, (causes.get(category) ?? 0) + 1));
  return causes;
}

async function distance(truth: string, fixed: string): Promise<number> {
  const { canon, levenshtein } = (await import(SCORER)) as { canon: (text: string) => string; levenshtein: (a: string, b: string) => number };
  return levenshtein(canon(fixed), canon(truth));
}

describe('eval-residual: every edit of the distance, by cause', () => {
  it('adds up to the scorer’s distance and tells moved text, quote marks, a space and a lost comma apart', async () => {
    const truth = '标题\n\n他说"好"，然后离开了。\n\n第二段写的是另外一件事情，很长的一句话。\n\n第三段在这里结束。\n';
    // The second paragraph's sentence moved below the third, a straight quote made curly, a space kept next
    // to Chinese and the comma after 事情 lost.
    const fixed = '标题\n\n他说“好”，然后 离开了。\n\n第三段在这里结束。\n\n第二段写的是另外一件事情很长的一句话。\n';
    const causes = await causesOf(truth, fixed);
    const total = [...causes.values()].reduce((sum, n) => sum + n, 0);
    assert.equal(total, await distance(truth, fixed));
    assert.equal(causes.get('quote marks (straight in the truth)'), 2);
    assert.equal(causes.get('space next to Chinese'), 1);
    assert.equal(causes.get('punctuation lost'), 1);
    assert.ok((causes.get('text out of order') ?? 0) >= '第三段在这里结束。'.length, JSON.stringify([...causes]));
  });

  it('reads a ligature and a full-width digit the truth keeps as such, not as lost text', async () => {
    const causes = await causesOf('用diff命令比较等级０和１。\n', '用diﬀ命令比较等级0和1。\n');
    assert.deepEqual([...causes], [['full-width letters or digits, ligatures (as the truth keeps them)', 4]]);
  });
});
