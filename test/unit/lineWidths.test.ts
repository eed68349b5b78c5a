import * as assert from 'node:assert/strict';
import { countRegion, parseArticle, parseRegion } from '../../server/src/core/model';
import { documentFacts, readStyle, type LineWidths } from '../../server/src/core/breaks/style';
import { readFixture } from '../helpers';

const TEXTS = [
  'sample/sample.raw.article',
  'sample/sample.fixed.article',
  'corpus/zh001-pt.extracted.txt',
  'corpus/zh042-mu.extracted.txt',
  'displaced/nt013-mu.extracted.txt',
].map(readFixture);

/** What counting the whole text as one region measured, copied (the arrays are lent). */
function counted(text: string): LineWidths {
  let kept: LineWidths | undefined;
  countRegion(text, { start: 0, end: text.length }, (measured) => {
    kept = { widths: measured.widths.slice(), columns: measured.columns.slice() };
  });
  return kept!;
}

describe('line widths measured once (regions.ts ViewWidths)', () => {
  it('are, as counting measures them, what the layout measures of the same lines', () => {
    for (const text of TEXTS) {
      const measured = readStyle(text, parseArticle(text).fragments);
      const fromCounting = counted(text);
      assert.deepEqual(fromCounting.widths, measured.widths);
      // NaN (no column known) compares equal to NaN here.
      assert.deepEqual(fromCounting.columns, measured.columns);
    }
  });

  it('lay a region out as measuring its lines again does', () => {
    for (const text of TEXTS) {
      const start = text.indexOf('\n', text.length >> 2) + 1;
      const end = text.indexOf('\n', (3 * text.length) >> 2) + 1;
      const view = { start, end, facts: documentFacts(countRegion(text, { start: 0, end: text.length })) };
      const again = parseRegion(text, view);
      const reused = parseRegion(text, { ...view, widths: counted(text) });
      assert.deepEqual(reused.model.breaks, again.model.breaks);
      assert.deepEqual(reused.model.roles, again.model.roles);
      // And the widths are read: other widths lay the region out otherwise.
      const halved = counted(text);
      halved.widths.forEach((width, i) => (halved.widths[i] = width / 2));
      halved.columns.forEach((column, i) => (halved.columns[i] = column / 2));
      assert.notDeepEqual(parseRegion(text, { ...view, widths: halved }).model.breaks, again.model.breaks);
    }
  });
});
