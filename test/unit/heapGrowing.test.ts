// The Node server's V8 heap growing (server/src/node/heapGrowing.ts): set at start, unless Node was given one.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { growHeapByAFifth, HEAP_GROWING_FLAG } from '../../server/src/node/heapGrowing';

describe('the Node server\'s heap growing', () => {
  it('is a flag this Node knows', () => {
    const result = spawnSync(process.execPath, [HEAP_GROWING_FLAG, '-e', '0'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(spawnSync(process.execPath, ['--heap-growing-percen=20', '-e', '0']).status, 9, 'a misspelt flag is refused');
  });

  it('is set at start, unless the command line or NODE_OPTIONS gives one', () => {
    const set: string[] = [];
    assert.equal(growHeapByAFifth('--stdio', (flags) => set.push(flags)), true);
    assert.deepEqual(set, [HEAP_GROWING_FLAG]);
    for (const options of ['--heap-growing-percent=0 --stdio', '--max-old-space-size=4096 --heap_growing_percent=50']) {
      assert.equal(growHeapByAFifth(options, (flags) => set.push(flags)), false, options);
    }
    assert.equal(set.length, 1);
  });
});
