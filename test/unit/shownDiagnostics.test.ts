// The diagnostics a document shows after an edit: those of the regions the edit did not touch are the ones
// made before (not converted again), and every one equals a fresh conversion of the version's problems.

import * as assert from 'node:assert/strict';
import { analyze, defaultSettings, type Analysis } from '../../server/src/core';
import { toDiagnostic } from '../../server/src/lsp/convert';
import { EditedDocument } from '../../server/src/lsp/editedDocument';
import { ShownDiagnostics } from '../../server/src/lsp/shownDiagnostics';
import { readFixture } from '../helpers';

const SAMPLE = readFixture('sample/sample.raw.article');
const URI = 'file:///shown.article';
const LIMIT = 600;

function edited(document: EditedDocument, offset: number, text: string, version: number): void {
  const position = document.positionAt(offset);
  document.update([{ range: { start: position, end: position }, text }], version);
}

/** What the server published before diagnostics were kept: the problems near `focus`, each converted. */
function converted(analysis: Analysis, document: EditedDocument, focus: number) {
  return analysis.problemsNear(focus, LIMIT).map((problem) => toDiagnostic(document, problem, URI, true));
}

describe('diagnostics shown after an edit (lsp/shownDiagnostics.ts)', () => {
  // Copies told apart (a first digit each its own), so that no region is another's twin.
  const text = Array.from({ length: 6 }, (_, copy) => SAMPLE.replace(/\d/, String(copy))).join('\n');

  it('keeps the diagnostics of the regions an edit within a line left alone, and makes the edited region’s again', () => {
    const document = new EditedDocument(URI, 'article', 1, text);
    const shown = new ShownDiagnostics(URI, true);
    let analysis = analyze(document.text(), defaultSettings);
    const focus = Math.floor(text.length / 2);
    const before = shown.near(analysis, document, focus, LIMIT).diagnostics;
    assert.equal(before.length, LIMIT);
    // One character typed at the focus: the lines of every region stay where they were.
    edited(document, focus, '的', 2);
    analysis = analyze(document.text(), defaultSettings, analysis);
    const after = shown.near(analysis, document, focus, LIMIT).diagnostics;
    assert.deepEqual(after, converted(analysis, document, focus));
    const kept = after.filter((diagnostic) => before.includes(diagnostic)).length;
    // The regions around the edited one are most of the window; only the edited region's are new.
    assert.ok(kept >= LIMIT / 3 && kept < after.length, `${kept} of ${after.length} kept`);
  });

  it('makes again the diagnostics of regions whose lines an edit moved', () => {
    const document = new EditedDocument(URI, 'article', 1, text);
    const shown = new ShownDiagnostics(URI, true);
    let analysis = analyze(document.text(), defaultSettings);
    const focus = Math.floor(text.length / 2);
    const before = shown.near(analysis, document, focus, LIMIT).diagnostics;
    // A line added at the top: every region after it stands a line further down.
    edited(document, 0, '\n', 2);
    analysis = analyze(document.text(), defaultSettings, analysis);
    const after = shown.near(analysis, document, focus + 1, LIMIT).diagnostics;
    assert.deepEqual(after, converted(analysis, document, focus + 1));
    assert.equal(after.filter((diagnostic) => before.includes(diagnostic)).length, 0);
  });
});
