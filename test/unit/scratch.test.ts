import * as assert from 'node:assert/strict';
import { Scratch } from '../../server/src/core/scratch';
import { addressMask, englishPhraseMask, hanPrefix } from '../../server/src/core/rules/halfWidthContext';

describe('scratch arrays lent to a pass', () => {
  it('lends a zeroed array of the asked length, whatever the last borrower wrote', () => {
    const scratch = new Scratch((n) => new Int32Array(n));
    const first = scratch.lend(8);
    first.fill(7);
    const second = scratch.lend(5);
    assert.equal(second.length, 5);
    assert.deepEqual([...second], [0, 0, 0, 0, 0]);
    const grown = scratch.lend(100);
    assert.equal(grown.length, 100);
    assert.ok(grown.every((value) => value === 0));
  });

  it('reuses its buffer: no new allocation once it has grown', () => {
    let made = 0;
    const scratch = new Scratch((n) => {
      made++;
      return new Float64Array(n);
    });
    scratch.lend(1000);
    const afterGrowth = made;
    for (let i = 0; i < 50; i++) scratch.lend(10 + i * 19);
    assert.equal(made, afterGrowth);
    assert.equal(scratch.lend(1000).buffer, scratch.lend(3).buffer);
  });

  it('allocates a huge request afresh, so one huge block does not pin its buffer', () => {
    const scratch = new Scratch((n) => new Uint8Array(n));
    const small = scratch.lend(16);
    const huge = scratch.lend(1 << 20);
    assert.equal(huge.length, 1 << 20);
    assert.notEqual(huge.buffer, small.buffer);
    assert.equal(scratch.lend(16).buffer, small.buffer);
  });

  it('gives each block the half-width rule reads masks of its own text, not the last block’s', () => {
    const mask = [...addressMask('见 https://a.cn/x 。')];
    assert.deepEqual(mask, [0, 0, ...new Array(14).fill(1), 0, 0]);
    assert.deepEqual([...addressMask('没有地址的一句话')], [0, 0, 0, 0, 0, 0, 0, 0]);
    assert.equal(englishPhraseMask('It works! 然后')[8], 1);
    assert.deepEqual([...englishPhraseMask('中文，中文')], [0, 0, 0, 0, 0]);
    assert.deepEqual([...hanPrefix('a中b文')], [0, 0, 1, 1, 2]);
    assert.deepEqual([...hanPrefix('ab')], [0, 0, 0]);
  });
});
