// displaced-label over real LSP (dist/server.js): the diagnostic on a label the extractor moved away from
// its title, with the title as related information; its quick fix; fix all and Format Document; and the
// outline, for each placement of test/labelPlacements.ts.

import * as assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, DocumentSymbol, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { article, DISPLACED, LABELS, PARAGRAPH, SPEAKER, TITLES, type Placement } from '../labelPlacements';
import { applyTextEdits, open, startServer, type TestServer } from './lspClient';

const PLACEMENTS: readonly Placement[] = ['before', 'after', 'end', 'byline', 'speaker'];
const SECTIONS = LABELS.map((label, i) => `${label}  ${TITLES[i]}`);

describe('displaced-label over LSP', function () {
  this.timeout(30_000);
  let server: TestServer;
  let uriCounter = 0;
  const nextUri = () => `file:///tmp/article-lint-test/labels${++uriCounter}.article`;

  before(async () => {
    server = await startServer();
  });

  after(async () => {
    if (server.process.exitCode === null) await server.stop();
  });

  const codeActions = (uri: string, diagnostic: Diagnostic) =>
    server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    }) as Promise<CodeAction[]>;

  const sectionsOf = async (uri: string) => {
    const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    return symbols.flatMap((symbol) => symbol.children ?? []).filter((child) => /^信号/.test(child.name)).map((child) => child.name);
  };

  for (const placement of PLACEMENTS) {
    it(`labels ${placement}: diagnostics on the displaced labels only, with their titles; the quick fix moves each; fix all and Format Document; the outline`, async () => {
      const uri = nextUri();
      const text = article(placement);
      const document = TextDocument.create(uri, 'article', 1, text);
      const diagnostics = (await open(server, uri, text)).filter((d) => d.code === 'displaced-label');
      assert.deepEqual(
        diagnostics.map((d) => document.getText(d.range)),
        DISPLACED[placement],
      );
      assert.deepEqual(await sectionsOf(uri), SECTIONS, 'the outline pairs every label with its title');

      for (const diagnostic of diagnostics) {
        const label = document.getText(diagnostic.range);
        const title = TITLES[LABELS.indexOf(label)];
        assert.equal(diagnostic.source, 'article');
        assert.match(diagnostic.codeDescription!.href, /docs\/rules\/displaced-label\.md$/);
        assert.deepEqual(
          diagnostic.relatedInformation?.map((related) => [related.location.uri, document.getText(related.location.range)]),
          [[uri, title]],
        );
        const quickFix = (await codeActions(uri, diagnostic)).find((action) => action.kind === 'quickfix' && action.isPreferred);
        assert.ok(quickFix, `a quick fix for ${label}`);
        const edits = quickFix.edit!.changes![uri];
        assert.equal(edits.length, 2, 'the label line goes, and comes back above its title');
        const moved = applyTextEdits(text, edits);
        assert.ok(moved.includes(`\n\n${label}\n\n${title}\n`), `${label} above ${title}`);
        // The editor applies the fix: the label is no longer reported.
        const changeUri = nextUri();
        await open(server, changeUri, text);
        const after = server.nextDiagnostics(changeUri, 2);
        await server.connection.sendNotification('textDocument/didChange', {
          textDocument: { uri: changeUri, version: 2 },
          contentChanges: [...edits].sort((a, b) => b.range.start.line - a.range.start.line).map((edit) => ({ range: edit.range, text: edit.newText })),
        });
        const left = (await after).filter((d) => d.code === 'displaced-label');
        assert.ok(!left.some((d) => TextDocument.create(changeUri, 'article', 2, moved).getText(d.range) === label), `${label} is fixed`);
      }

      const fixAll = (await server.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      })) as CodeAction[];
      const fixed = applyTextEdits(text, fixAll[0].edit!.changes![uri]);
      const formatting = (await server.connection.sendRequest('textDocument/formatting', {
        textDocument: { uri },
        options: { tabSize: 2, insertSpaces: true },
      })) as TextEdit[];
      assert.equal(applyTextEdits(text, formatting), fixed, 'Format Document gives what fix all gives');
      for (const [i, label] of LABELS.entries()) {
        const pair = placement === 'after' ? `\n${TITLES[i]}\n\n${label}\n` : `\n${label}\n\n${TITLES[i]}\n`;
        assert.ok(fixed.includes(pair), `${label} and ${TITLES[i]} in the fixed text`);
      }
      const fixedUri = nextUri();
      assert.deepEqual((await open(server, fixedUri, fixed)).filter((d) => d.code === 'displaced-label'), []);
      assert.deepEqual(await sectionsOf(fixedUri), SECTIONS, 'the outline of the fixed text');
    });
  }

  it('reports the moved labels of a document over 32,000 characters, and again after an edit far from them', async () => {
    const uri = nextUri();
    // Whole paragraphs after the article, parted by blank lines: fewer problems than the editor shows, wherever one edits.
    const more = `\n${PARAGRAPH.join('')}\n\n${SPEAKER.join('')}\n`;
    const text = article('end') + more.repeat(Math.ceil(40_000 / more.length));
    assert.ok(text.length > 32_000);
    const labelsOf = (diagnostics: Diagnostic[], content: string) =>
      diagnostics.filter((d) => d.code === 'displaced-label').map((d) => TextDocument.create(uri, 'article', 1, content).getText(d.range));
    const opened = await open(server, uri, text);
    assert.ok(opened.length < 1_000);
    assert.deepEqual(labelsOf(opened, text), LABELS);
    // A character typed at the end: the label pairing is taken over from the version before, the answer the same.
    const lines = text.split('\n').length - 1;
    const after = server.nextDiagnostics(uri, 2);
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: lines - 1, character: 0 }, end: { line: lines - 1, character: 0 } }, text: '的' }],
    });
    assert.deepEqual(labelsOf(await after, text), LABELS);
  });
});
