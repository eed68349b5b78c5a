import * as assert from 'node:assert/strict';
import { TextDocument, type Position, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { unreadableReason } from '../../server/src/core';
import { EditedDocument } from '../../server/src/lsp/editedDocument';
import { seededRandom as random } from '../helpers';

/** Text rich in what positions trip over: every kind of line end, surrogate pairs, empty lines. */
const PIECES = ['a', '网络', '\n', '\r\n', '\r', '\n\n', '😀', '，', ' ', 'abc\r', '\ndef'];

function randomText(next: () => number, pieces: number): string {
  let text = '';
  for (let i = 0; i < pieces; i++) text += PIECES[Math.floor(next() * PIECES.length)];
  return text;
}

function randomPosition(next: () => number, lineCount: number): Position {
  // Now and then a line or character past the end, or negative: the editor's positions are not checked.
  const line = Math.floor(next() * (lineCount + 2)) - (next() < 0.05 ? 2 : 0);
  return { line, character: Math.floor(next() * 8) - (next() < 0.05 ? 3 : 0) };
}

function randomChange(next: () => number, lineCount: number): TextDocumentContentChangeEvent {
  if (next() < 0.02) return { text: randomText(next, Math.floor(next() * 30)) };
  // Ranges either way round, as a client may send them.
  return { range: { start: randomPosition(next, lineCount), end: randomPosition(next, lineCount) }, text: randomText(next, Math.floor(next() * 4)) };
}

function assertSame(ours: EditedDocument, theirs: TextDocument, next: () => number, label: string): void {
  const text = theirs.getText();
  assert.equal(ours.getText(), text, label);
  assert.equal(ours.length, text.length, label);
  assert.equal(ours.lineCount, theirs.lineCount, label);
  assert.equal(ours.version, theirs.version, label);
  for (let offset = -1; offset <= text.length + 1; offset++) assert.deepEqual(ours.positionAt(offset), theirs.positionAt(offset), `${label} positionAt(${offset})`);
  for (let i = 0; i < 40; i++) {
    const position = randomPosition(next, theirs.lineCount);
    assert.equal(ours.offsetAt(position), theirs.offsetAt(position), `${label} offsetAt(${JSON.stringify(position)})`);
  }
}

/**
 * The reference: each change applied to the plain text at the offsets a fresh TextDocument of that text
 * gives. (TextDocument.update itself can miscount lines once an edit turns `\r` + `\n` into one line end.)
 */
function applied(text: string, changes: readonly TextDocumentContentChangeEvent[]): string {
  for (const change of changes) {
    if (!('range' in change) || !change.range) {
      text = change.text;
      continue;
    }
    const document = TextDocument.create('file:///reference', 'article', 0, text);
    const [a, b] = [document.offsetAt(change.range.start), document.offsetAt(change.range.end)];
    text = text.slice(0, Math.min(a, b)) + change.text + text.slice(Math.max(a, b));
  }
  return text;
}

describe('EditedDocument (the open document, edited in chunks)', () => {
  it('gives the same text, offsets and positions as a TextDocument of the same text after random edits, with tiny chunks', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const next = random(seed);
      let text = randomText(next, 40);
      const ours = new EditedDocument('file:///a.article', 'article', 1, text, 1 + Math.floor(next() * 12));
      assertSame(ours, TextDocument.create('file:///a.article', 'article', 1, text), next, `seed ${seed}, opened`);
      for (let step = 0; step < 40; step++) {
        const changes = Array.from({ length: 1 + Math.floor(next() * 3) }, () => randomChange(next, ours.lineCount));
        ours.update(changes, step + 2);
        text = applied(text, changes);
        assertSame(ours, TextDocument.create('file:///a.article', 'article', step + 2, text), next, `seed ${seed}, step ${step}: ${JSON.stringify(changes)}`);
      }
    }
  });

  it('says the text is unreadable exactly when the core says so of the whole text, as edits add and remove NUL bytes', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const next = random(seed);
      const withNul = (): string => (next() < 0.3 ? '\0' : '') + randomText(next, Math.floor(next() * 4));
      let text = randomText(next, 40);
      const ours = new EditedDocument('file:///a.article', 'article', 1, text, 1 + Math.floor(next() * 12));
      for (let step = 0; step < 60; step++) {
        const change = randomChange(next, ours.lineCount);
        const changes = [{ ...change, text: withNul() }];
        ours.update(changes, step + 2);
        text = applied(text, changes);
        assert.equal(ours.getText(), text);
        assert.equal(ours.unreadableReason(), unreadableReason(text), `seed ${seed}, step ${step}: ${JSON.stringify(changes)}`);
      }
    }
  });

  it('joins a \\r and a \\n that an edit brings together across chunks into one line end', () => {
    const ours = new EditedDocument('file:///a.article', 'article', 1, 'ab\rcd\nef', 1);
    // Deleting "cd" leaves "\r\n": one line end, as TextDocument counts it.
    ours.update([{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 2 } }, text: '' }], 2);
    assert.equal(ours.getText(), 'ab\r\nef');
    assert.equal(ours.lineCount, 2);
    assert.deepEqual(ours.positionAt(5), { line: 1, character: 1 });
  });

  it('reads an empty document and one emptied by an edit', () => {
    const ours = new EditedDocument('file:///a.article', 'article', 1, '');
    assert.equal(ours.lineCount, 1);
    assert.deepEqual(ours.positionAt(3), { line: 0, character: 0 });
    ours.update([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '网\n络' }], 2);
    ours.update([{ range: { start: { line: 0, character: 0 }, end: { line: 1, character: 1 } }, text: '' }], 3);
    assert.equal(ours.getText(), '');
    assert.equal(ours.offsetAt({ line: 4, character: 2 }), 0);
  });
});
