// Every article in test/fixtures/news with an expect.json: the outline and the people quoted must
// come out right for each extraction of it (nwNNN-pt/-mu/-pm/-ptl) and for its truth text.

import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, readFixture } from '../helpers';
import { parseArticle } from '../../server/src/core/model';
import { outlineOf } from '../../server/src/core/outline';
import { speakersOf } from '../../server/src/core/speakers';

interface Expected {
  readonly id: string;
  readonly title: string;
  /** 'labelled': the expectation lists the labelled sections only (dev articles without one). */
  readonly scope?: 'labelled';
  readonly outline: ReadonlyArray<{ label: string; title: string; form: string }>;
  readonly speakers: ReadonlyArray<{ name: string; role: string }>;
}

const NEWS = path.join(FIXTURES, 'news');
const files = readdirSync(NEWS);

function outlineRows(text: string, scope: Expected['scope']): Array<{ label: string; title: string }> {
  return outlineOf(parseArticle(text))
    .filter((entry) => entry.kind === 'section' || (entry.kind === 'heading' && scope !== 'labelled'))
    .map((entry) => ({ label: entry.label ?? '', title: entry.title ?? '' }));
}

function speakerRows(text: string): Array<{ name: string; role: string }> {
  return speakersOf(parseArticle(text)).map(({ name, role }) => ({ name, role }));
}

for (const expectFile of files.filter((f) => f.endsWith('.expect.json')).sort()) {
  const expected = JSON.parse(readFixture(`news/${expectFile}`)) as Expected;
  const extractions = files.filter((f) => f.startsWith(`${expected.id}-`) && f.endsWith('.extracted.txt')).sort();
  const truth = files.find((f) => f.startsWith(`${expected.id}-`) && f.endsWith('.truth.txt'))!;
  const wantOutline = expected.outline.map(({ label, title }) => ({ label, title }));

  describe(`news article ${expected.id} (${expected.title})`, () => {
    it('has at least one extraction and a truth text', () => {
      assert.ok(extractions.length > 0 && truth);
    });

    for (const file of [...extractions, truth]) {
      const text = readFixture(`news/${file}`);
      it(`${file}: outline`, () => {
        assert.deepEqual(outlineRows(text, expected.scope), wantOutline);
      });
      it(`${file}: people quoted`, () => {
        assert.deepEqual(speakerRows(text), expected.speakers);
      });
      it(`${file}: the title`, () => {
        const title = outlineOf(parseArticle(text))[0];
        assert.deepEqual([title.kind, title.name], ['title', expected.title]);
      });
    }
  });
}
