// The CLI's compiler budget: small while the run is short, V8's default from the file that makes it long.

import * as assert from 'node:assert/strict';
import { CompilerBudget, DEFAULT_INLINING, FULL_INLINING_AFTER, SHORT_RUN_INLINING } from '../../cli/src/compiler';

describe('CLI compiler budget', () => {
  const budgetSetting = () => {
    const set: string[] = [];
    return { set, budget: new CompilerBudget((flags) => set.push(flags)) };
  };

  it('starts short and turns to V8’s default once the files read reach FULL_INLINING_AFTER characters', () => {
    const { set, budget } = budgetSetting();
    budget.startShort(true, '');
    assert.deepEqual(set, [`--max-inlined-bytecode-size-cumulative=${SHORT_RUN_INLINING}`]);
    budget.willAnalyse(FULL_INLINING_AFTER / 2);
    budget.willAnalyse(FULL_INLINING_AFTER / 2 - 1);
    assert.equal(budget.isShort, true);
    budget.willAnalyse(1);
    assert.equal(budget.isShort, false);
    budget.willAnalyse(FULL_INLINING_AFTER);
    assert.deepEqual(set, [`--max-inlined-bytecode-size-cumulative=${SHORT_RUN_INLINING}`, `--max-inlined-bytecode-size-cumulative=${DEFAULT_INLINING}`]);
  });

  it('a large first file makes the run long before it is analysed', () => {
    const { set, budget } = budgetSetting();
    budget.startShort(true, '');
    budget.willAnalyse(10_000_000);
    assert.equal(set.at(-1), `--max-inlined-bytecode-size-cumulative=${DEFAULT_INLINING}`);
  });

  it('leaves V8 alone when Node was given a budget, or when the run was not started (main() in a test)', () => {
    const given = budgetSetting();
    given.budget.startShort(true, '--max-inlined-bytecode-size-cumulative=400');
    given.budget.willAnalyse(FULL_INLINING_AFTER);
    assert.deepEqual(given.set, []);
    const notStarted = budgetSetting();
    notStarted.budget.willAnalyse(FULL_INLINING_AFTER);
    assert.deepEqual(notStarted.set, []);
  });

  it('a worker counts its reads without setting the flags the process has', () => {
    const { set, budget } = budgetSetting();
    budget.startShort(false, '');
    assert.deepEqual(set, []);
    budget.willAnalyse(FULL_INLINING_AFTER);
    assert.deepEqual(set, [`--max-inlined-bytecode-size-cumulative=${DEFAULT_INLINING}`]);
  });
});
