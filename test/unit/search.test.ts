import * as assert from 'node:assert/strict';
import { firstIndex, firstNotBelow } from '../../server/src/core/search';

describe('binary search', () => {
  it('finds in sorted numbers what firstIndex finds asked "not below?", at and between every value, duplicates too', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 200; round++) {
      const size = Math.floor(random() * 30);
      const values = Float64Array.from({ length: size + 3 }, () => Math.round(random() * 40) * 0.55);
      const sorted = values.subarray(0, size).sort();
      const probes = [-1, 1e9, Number.NaN, ...sorted, ...Array.from(sorted, (v) => v + 1e-9), ...Array.from(sorted, (v) => v - 0.275)];
      for (const value of probes) {
        assert.equal(firstNotBelow(sorted, size, value), firstIndex(size, (i) => !(sorted[i] < value)), `${value} in ${sorted.join(' ')}`);
      }
    }
  });

});
