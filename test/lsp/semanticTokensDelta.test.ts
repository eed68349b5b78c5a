// Semantic tokens after edits (textDocument/semanticTokens/full/delta), over LSP messages with the server
// in this process: the edits a delta answers with, applied to the tokens the client held, give exactly
// what a full request answers for the new text.

import * as assert from 'node:assert/strict';
import type { Range, SemanticTokens, SemanticTokensDelta, SemanticTokensEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readFixture } from '../helpers';
import { inProcessServer, type InProcessServer } from './inProcess';

const SAMPLE = readFixture('sample/sample.raw.article');

/** About 300 K characters, analysed in regions: the sample thirty times, each copy's numbers raised by its index. */
function large(): string {
  const body = SAMPLE.replace(/\n+$/, '\n');
  return Array.from({ length: 30 }, (_, i) => body.replace(/\d+/g, (digits) => String(Number(digits) + i))).join('\n');
}

/** The client's side of a delta: the edits applied, in order from the last, to the data it held. */
function applyTokenEdits(data: readonly number[], edits: readonly SemanticTokensEdit[]): number[] {
  let result = [...data];
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    assert.ok(edit.start >= 0 && edit.deleteCount >= 0 && edit.start + edit.deleteCount <= result.length, `edit within the data: ${JSON.stringify({ ...edit, data: undefined })}`);
    result = [...result.slice(0, edit.start), ...(edit.data ?? []), ...result.slice(edit.start + edit.deleteCount)];
  }
  return result;
}

const isDelta = (answer: SemanticTokens | SemanticTokensDelta): answer is SemanticTokensDelta => 'edits' in answer;

/** One open document, its text kept as the editor keeps it. */
class EditedArticle {
  private document: TextDocument;

  constructor(
    private readonly server: InProcessServer,
    readonly uri: string,
    text: string,
  ) {
    this.document = TextDocument.create(uri, 'article', 1, text);
  }

  get text(): string {
    return this.document.getText();
  }

  open(): Promise<unknown> {
    return this.server.open(this.uri, this.text, this.document.version);
  }

  /** Replaces [start, end) with `text`, as the editor sends it. */
  async edit(start: number, end: number, text: string): Promise<void> {
    const range: Range = { start: this.document.positionAt(start), end: this.document.positionAt(end) };
    this.document = TextDocument.update(this.document, [{ range, text }], this.document.version + 1);
    await this.server.client.sendNotification('textDocument/didChange', {
      textDocument: { uri: this.uri, version: this.document.version },
      contentChanges: [{ range, text }],
    });
  }

  full(): Promise<SemanticTokens> {
    return this.server.client.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: this.uri } });
  }

  delta(previousResultId: string | undefined): Promise<SemanticTokens | SemanticTokensDelta> {
    return this.server.client.sendRequest('textDocument/semanticTokens/full/delta', { textDocument: { uri: this.uri }, previousResultId });
  }
}

describe('semantic tokens after an edit (full/delta, in process)', function () {
  this.timeout(60_000);
  let server: InProcessServer;
  let counter = 0;
  const nextUri = () => `file:///in-process/tokens${++counter}.article`;

  beforeEach(async () => {
    server = inProcessServer({ configurationTimeoutMs: 200 });
    await server.initialize();
  });
  afterEach(() => server.dispose());

  /** Where an edit goes in a text: the offset of `snippet`'s `nth` occurrence. */
  const offsetOf = (text: string, snippet: string, nth = 0): number => {
    let at = text.indexOf(snippet);
    for (let i = 0; i < nth; i++) at = text.indexOf(snippet, at + 1);
    assert.ok(at >= 0, `${snippet} occurs`);
    return at;
  };

  type Edit = readonly [name: string, at: (text: string) => [start: number, end: number], text: string];
  const edits = (copies: number): Edit[] => [
    ['a figure typed inside a line', (text) => [offsetOf(text, '科学分析了', copies - 1) + 2, offsetOf(text, '科学分析了', copies - 1) + 2], '2019年增长32.9%'],
    ['a line added (a break inside a line)', (text) => [offsetOf(text, '信号二'), offsetOf(text, '信号二')], '\n'],
    ['a character typed on the title line', () => [3, 3], '的'],
    ['a line removed (two lines joined)', (text) => [text.indexOf('\n', text.length >> 1), text.indexOf('\n', text.length >> 1) + 1], ''],
    ['lines added at the very end', (text) => [text.length, text.length], '\n信号七\n\n十八大以来增长了27.2万亿元。\n'],
    ['a character typed at the very end', (text) => [text.length, text.length], '5'],
    ['the end taken away', (text) => [text.length - 40, text.length], ''],
  ];

  for (const [name, text, copies] of [
    ['the sample', () => SAMPLE, 1],
    ['a large document (~300 K characters, in regions)', large, 30],
  ] as const) {
    it(`${name}: each delta applied to the full answer before the edit gives the full answer after it`, async () => {
      const article = new EditedArticle(server, nextUri(), text());
      await article.open();
      let before = await article.full();
      assert.ok(before.resultId && before.data.length > 0);
      let changed = 0;
      for (const [editName, at, inserted] of edits(copies)) {
        const [start, end] = at(article.text);
        await article.edit(start, end, inserted);
        const delta = await article.delta(before.resultId);
        assert.ok(isDelta(delta), `${editName}: answered with edits`);
        const after = await article.full();
        assert.deepEqual(applyTokenEdits(before.data, delta.edits), after.data, editName);
        // Only what changed: a few tokens, not the document's.
        const sent = delta.edits.reduce((sum, edit) => sum + (edit.data?.length ?? 0), 0);
        assert.ok(sent <= 100, `${editName}: ${sent} integers sent of ${after.data.length}`);
        if (delta.edits.length > 0) changed++;
        before = after;
      }
      assert.ok(changed >= 5, `the edits changed the tokens (${changed} times)`);
    });
  }

  it('deltas in a row, each from the one before, end where a full answer for the final text does', async () => {
    const article = new EditedArticle(server, nextUri(), large());
    await article.open();
    const first = await article.full();
    let held = first.data;
    let resultId = first.resultId;
    for (const [, at, inserted] of edits(30)) {
      const [start, end] = at(article.text);
      await article.edit(start, end, inserted);
      const delta = await article.delta(resultId);
      assert.ok(isDelta(delta));
      held = applyTokenEdits(held, delta.edits);
      resultId = delta.resultId;
    }
    assert.deepEqual(held, (await article.full()).data);
    // And what a document opened with the final text is given.
    const fresh = new EditedArticle(server, nextUri(), article.text);
    await fresh.open();
    assert.deepEqual(held, (await fresh.full()).data);
  });

  it('answers every token when the previous resultId is not the last answer', async () => {
    const article = new EditedArticle(server, nextUri(), SAMPLE);
    await article.open();
    const first = await article.full();
    const second = await article.full();
    await article.edit(10, 10, '2019年');
    for (const previousResultId of ['no-such-result', first.resultId, undefined]) {
      const answer = await article.delta(previousResultId);
      assert.ok(!isDelta(answer), `${String(previousResultId)}: every token`);
      assert.notEqual(answer.resultId, second.resultId);
      assert.deepEqual(answer.data, (await article.full()).data);
    }
  });

  it('forgets the last answer when the document is closed: reopened, a delta request gets every token', async () => {
    const article = new EditedArticle(server, nextUri(), SAMPLE);
    await article.open();
    const before = await article.full();
    await server.client.sendNotification('textDocument/didClose', { textDocument: { uri: article.uri } });
    await article.open();
    const answer = await article.delta(before.resultId);
    assert.ok(!isDelta(answer), 'every token');
    assert.deepEqual(answer.data, before.data);
    assert.notEqual(answer.resultId, before.resultId);
    // The reopened document's own answer is then taken up.
    const again = await article.delta(answer.resultId);
    assert.ok(isDelta(again));
    assert.deepEqual(again.edits, []);
  });
});
