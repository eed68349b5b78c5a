// A part's label readings kept as numbers (server/src/core/outline/readings.ts): what is kept, in 2-byte
// numbers where every number fits and in 4-byte numbers where one does not, gives back the labels and
// units it was read from, moved into the part's own numbering.

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { LabelReadings } from '../../server/src/core/outline/readings';
import { scannedLabel, scannedUnit, type ScannedLabel, type ScannedUnit } from '../../server/src/core/outline/pairing';
import { parseBoxLabel } from '../../server/src/core/labels';
import type { TitleUnit } from '../../server/src/core/outline/titles';

/** Line numbers and offsets: mostly small, as in a region, sometimes past what 2 bytes hold, either side of 0. */
const number = fc.oneof(fc.integer({ min: -20, max: 30_000 }), fc.integer({ min: -200_000, max: 200_000 }));
const maybe = fc.option(number, { nil: undefined });

const unitArbitrary = fc
  .record({ first: number, last: number, start: number, end: number, strong: fc.boolean(), shapeHalves: fc.integer({ min: 0, max: 40 }), lineStart: number, aboveEnd: maybe, runsOnAt: maybe })
  .map((u) => scannedUnit({ first: u.first, last: u.last, text: `标题${u.first}`, start: u.start, end: u.end, strong: u.strong }, u.shapeHalves, u.lineStart, u.aboveEnd, u.runsOnAt));

function movedUnit(unit: ScannedUnit, fragment: number, offset: number): ScannedUnit {
  const at = (value: number | undefined) => (value === undefined ? undefined : value + offset);
  return scannedUnit(
    { first: unit.first + fragment, last: unit.last + fragment, text: unit.text, start: unit.start + offset, end: unit.end + offset, strong: unit.strong },
    unit.shapeHalves,
    unit.lineStart + offset,
    at(unit.aboveEnd),
    at(unit.runsOnAt),
  );
}

describe('label readings kept as numbers', () => {
  it('give back every label and unit they were read from, moved, whether their numbers fit in 2 bytes or not', () => {
    const label = parseBoxLabel('信号一')!;
    fc.assert(
      fc.property(
        fc.array(unitArbitrary, { maxLength: 6 }),
        fc.array(
          fc.record({
            fragment: number, start: number, end: number, previous: number, next: number, lineStart: number, nextLineStart: maybe,
            flags: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
            // Which unit each title reading is (an index into the units, past them: a reading of its own, or none).
            readings: fc.array(fc.option(fc.nat({ max: 8 }), { nil: undefined }), { minLength: 3, maxLength: 3 }),
            own: fc.array(unitArbitrary, { minLength: 3, maxLength: 3 }),
          }),
          { maxLength: 5 },
        ),
        number,
        number,
        (units, labelSpecs, fragment, offset) => {
          const reading = (spec: (typeof labelSpecs)[number], k: number): ScannedUnit | undefined => {
            const which = spec.readings[k];
            return which === undefined ? undefined : which < units.length ? units[which] : spec.own[k];
          };
          const labels: ScannedLabel[] = labelSpecs.map((spec) => {
            const [embedded, nextExists, nextStands, previousCounts, previousStands, runsOn] = spec.flags;
            const inlineUnit = reading(spec, 0);
            return scannedLabel(
              { label, fragment: spec.fragment, start: spec.start, end: spec.end, inlineTitle: inlineUnit },
              {
                previous: spec.previous, next: spec.next, embedded, runsOn, inlineUnit, after: reading(spec, 1), before: reading(spec, 2),
                nextExists, nextStands, previousCounts, previousStands, lineStart: spec.lineStart, lineText: `信号一 ${spec.lineStart}`, nextLineStart: spec.nextLineStart,
              },
            );
          });
          const readings = LabelReadings.of(labels, units, { fragment, offset });
          assert.equal(readings.labelCount, labels.length);
          units.forEach((unit, row) => assert.deepEqual(readings.unit(row), movedUnit(unit, fragment, offset)));
          labels.forEach((read, i) => {
            const moved = (unit: ScannedUnit | undefined) => unit && movedUnit(unit, fragment, offset);
            const inlineUnit = moved(read.inlineUnit);
            const expected = scannedLabel(
              { label, fragment: read.fragment + fragment, start: read.start + offset, end: read.end + offset, inlineTitle: inlineUnit },
              {
                ...read,
                previous: read.previous + fragment,
                next: read.next + fragment,
                inlineUnit,
                after: moved(read.after),
                before: moved(read.before),
                lineStart: read.lineStart + offset,
                nextLineStart: read.nextLineStart === undefined ? undefined : read.nextLineStart + offset,
              },
            );
            assert.deepEqual(readings.label(i), expected);
          });
          // Read back with no further move, they align as themselves, and as readings of the same numbers.
          assert.ok(readings.alignsAs(LabelReadings.of(labels, units, { fragment, offset })));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('read as the outline reads them (label hits and title units alone), give what the labels and units give of those fields', () => {
    const label = parseBoxLabel('信号二')!;
    // A title unit's fields alone, as TitleUnit declares them.
    const titleUnit = (unit: TitleUnit | undefined) => unit && { first: unit.first, last: unit.last, text: unit.text, start: unit.start, end: unit.end, strong: unit.strong };
    fc.assert(
      fc.property(
        fc.array(unitArbitrary, { maxLength: 6 }),
        fc.array(fc.record({ fragment: number, start: number, end: number, lineStart: number, readings: fc.array(fc.option(fc.nat({ max: 8 }), { nil: undefined }), { minLength: 3, maxLength: 3 }), own: fc.array(unitArbitrary, { minLength: 3, maxLength: 3 }) }), { maxLength: 5 }),
        number,
        number,
        (units, labelSpecs, fragment, offset) => {
          const labels: ScannedLabel[] = labelSpecs.map((spec) => {
            const reading = (k: number): ScannedUnit | undefined => {
              const which = spec.readings[k];
              return which === undefined ? undefined : which < units.length ? units[which] : spec.own[k];
            };
            const inlineUnit = reading(0);
            return scannedLabel(
              { label, fragment: spec.fragment, start: spec.start, end: spec.end, inlineTitle: inlineUnit },
              {
                previous: spec.fragment - 1, next: spec.fragment + 1, embedded: false, runsOn: false, inlineUnit, after: reading(1), before: reading(2),
                nextExists: true, nextStands: false, previousCounts: true, previousStands: false, lineStart: spec.lineStart, lineText: '信号二', nextLineStart: undefined,
              },
            );
          });
          const readings = LabelReadings.of(labels, units);
          units.forEach((_, row) => assert.deepEqual(readings.titleUnit(row, fragment, offset), titleUnit(readings.unit(row, fragment, offset))));
          labels.forEach((_, i) => {
            const whole = readings.label(i, fragment, offset);
            assert.deepEqual(readings.hit(i, fragment, offset), { label: whole.label, fragment: whole.fragment, start: whole.start, end: whole.end, inlineTitle: titleUnit(whole.inlineTitle) });
            assert.deepEqual(readings.labelTitle(i, 'inline', fragment, offset), titleUnit(whole.inlineUnit));
            assert.deepEqual(readings.labelTitle(i, 'after', fragment, offset), titleUnit(whole.after));
            assert.deepEqual(readings.labelTitle(i, 'before', fragment, offset), titleUnit(whole.before));
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
