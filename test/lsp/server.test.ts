// Protocol tests: the bundled server (dist/server.js --stdio) spoken to over real LSP.

import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, DocumentSymbol, FoldingRange, Hover, InitializeResult, TextEdit } from 'vscode-languageserver-protocol';
import { readFixture, withCursor } from '../helpers';
import { applyTextEdits, open, startServer, type TestServer } from './lspClient';
import { TextDocument } from 'vscode-languageserver-textdocument';

const SAMPLE = readFixture('sample/sample.raw.article');
const SAMPLE_FIXED = readFixture('sample/sample.fixed.article');

function positionOf(text: string, offset: number) {
  return TextDocument.create('file:///p', 'article', 0, text).positionAt(offset);
}

describe('language server over stdio', function () {
  let server: TestServer;
  let uriCounter = 0;
  const nextUri = () => `file:///tmp/article-lint-test/doc${++uriCounter}.article`;

  beforeEach(async () => {
    server = await startServer();
  });

  afterEach(async () => {
    if (server.process.exitCode === null) await server.stop();
  });

  it('declares incremental sync, hover, symbols, code actions, formatting, folding and semantic tokens', async () => {
    const capabilities = (server.initializeResult as InitializeResult).capabilities;
    assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2 });
    assert.equal(capabilities.hoverProvider, true);
    assert.ok(capabilities.documentSymbolProvider);
    assert.deepEqual((capabilities.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.fixAll.article']);
    assert.equal(capabilities.documentFormattingProvider, true);
    assert.equal(capabilities.foldingRangeProvider, true);
    assert.deepEqual(capabilities.semanticTokensProvider?.legend.tokenTypes, ['articleTitle', 'articleHeading', 'articleLabel', 'articleByline', 'comment', 'number']);
    assert.deepEqual(capabilities.semanticTokensProvider?.full, { delta: true });
  });

  it('publishes diagnostics for the sample with rule ids, source and doc links', async () => {
    const diagnostics = await open(server, nextUri(), SAMPLE);
    assert.ok(diagnostics.length > 250, `only ${diagnostics.length} diagnostics`);
    for (const diagnostic of diagnostics) {
      assert.equal(diagnostic.source, 'article');
      assert.match(String(diagnostic.code), /^[a-z]+(-[a-z]+)*$/);
      assert.match(diagnostic.codeDescription!.href, new RegExp(`docs/rules/${diagnostic.code}\\.md$`));
    }
    const spaces = diagnostics.filter((d) => d.code === 'space-around-punctuation');
    assert.equal(spaces.length, 143);
    // `多边参与 、` on line 20 (line 19 counting from 0): the space before 、 is the range.
    const before = spaces.find((d) => d.range.start.line === 19 && String(d.message).includes('、'));
    assert.ok(before, 'the space before 、 in 多边参与 、 is reported');
    assert.equal(before!.range.end.character - before!.range.start.character, 1);
  });

  it('applies a quick fix and the problem is gone after the change', async () => {
    const uri = nextUri();
    const text = '习近平总书记指出， 国际网络空间治理应该坚持多边参与、多方参与。\n';
    const diagnostics = await open(server, uri, text);
    const space = diagnostics.find((d) => d.code === 'space-around-punctuation')!;
    assert.ok(space);
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: space.range,
      context: { diagnostics: [space] },
    })) as CodeAction[];
    const quickFix = actions.find((action) => action.kind === 'quickfix' && action.isPreferred)!;
    assert.ok(quickFix, 'a preferred quick fix is offered');
    const fixed = applyTextEdits(text, quickFix.edit!.changes![uri]);
    assert.equal(fixed, '习近平总书记指出，国际网络空间治理应该坚持多边参与、多方参与。\n');
    const after = server.nextDiagnostics(uri, 2);
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: space.range, text: '' }],
    });
    assert.deepEqual((await after).filter((d) => d.code === 'space-around-punctuation'), []);
    // The old diagnostic no longer matches a problem of the current version: no fix for it.
    const stale = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: space.range,
      context: { diagnostics: [space] },
    })) as CodeAction[];
    assert.deepEqual(stale.filter((action) => action.isPreferred), []);
  });

  it('finds the quick fix of a diagnostic deep in a large document (analysed in regions) from the current analysis', async () => {
    const uri = nextUri();
    const text = Array.from({ length: 6 }, () => SAMPLE).join('\n');
    server.editorSettings = { maxProblems: 100_000 };
    const diagnostics = await open(server, uri, text);
    const spaces = diagnostics.filter((d) => d.code === 'space-around-punctuation');
    const deep = spaces[spaces.length - 3];
    assert.ok(deep.range.start.line > 2 * SAMPLE.split('\n').length, `line ${deep.range.start.line}`);
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: deep.range,
      context: { diagnostics: [deep] },
    })) as CodeAction[];
    const quickFix = actions.find((action) => action.isPreferred)!;
    assert.deepEqual(quickFix.edit!.changes![uri], [{ range: deep.range, newText: '' }]);
  });

  it('offers "fix all of this rule" that fixes every problem of one rule only', async () => {
    const uri = nextUri();
    const diagnostics = await open(server, uri, SAMPLE);
    const space = diagnostics.find((d) => d.code === 'space-around-punctuation')!;
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: space.range,
      context: { diagnostics: [space] },
    })) as CodeAction[];
    const fixRule = actions.find((action) => action.title.includes('space-around-punctuation'))!;
    assert.ok(fixRule);
    const fixed = applyTextEdits(SAMPLE, fixRule.edit!.changes![uri]);
    const after = await open(server, nextUri(), fixed);
    assert.equal(after.filter((d) => d.code === 'space-around-punctuation').length, 0);
    assert.equal(
      after.filter((d) => d.code === 'broken-word').length,
      diagnostics.filter((d) => d.code === 'broken-word').length,
      'other rules are untouched',
    );
  });

  it('turns a rule off for the document with a directive on top, after every fix, keeping the rest as it was', async () => {
    const uri = nextUri();
    const diagnostics = await open(server, uri, SAMPLE);
    const askAt = async (target: string, diagnostic: Diagnostic) =>
      (await server.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri: target },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic] },
      })) as CodeAction[];
    const space = diagnostics.find((d) => d.code === 'space-around-punctuation')!;
    const actions = await askAt(uri, space);
    const turnOff = actions.find((action) => action.title === 'Turn off “space-around-punctuation” for this document')!;
    assert.ok(turnOff, 'the action is offered');
    assert.equal(actions.indexOf(turnOff), actions.length - 1, 'after the fixes');
    const disabled = applyTextEdits(SAMPLE, turnOff.edit!.changes![uri]);
    assert.ok(disabled.startsWith('<!-- article-lint-disable space-around-punctuation -->\n\n'));
    const secondUri = nextUri();
    const after = await open(server, secondUri, disabled);
    assert.equal(after.filter((d) => d.code === 'space-around-punctuation').length, 0);
    const count = (list: Diagnostic[]) => list.filter((d) => d.code !== 'space-around-punctuation').length;
    assert.equal(count(after), count(diagnostics), 'every other problem is still reported');
    // A second rule joins the same directive.
    const broken = after.find((d) => d.code === 'broken-word')!;
    const again = (await askAt(secondUri, broken)).find((action) => action.title === 'Turn off “broken-word” for this document')!;
    assert.ok(applyTextEdits(disabled, again.edit!.changes![secondUri]).startsWith('<!-- article-lint-disable space-around-punctuation broken-word -->\n\n'));
  });

  it('turns a rule off for one paragraph line of a clean article, and offers it only where no paragraph is parted', async () => {
    const uri = nextUri();
    const text = '标题\n\n多边参与 、多方参与。\n\n另一段 、文字。\n';
    const diagnostics = await open(server, uri, text);
    const first = diagnostics.find((d) => d.code === 'space-around-punctuation')!;
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: first.range,
      context: { diagnostics: [first] },
    })) as CodeAction[];
    const titles = actions.map((action) => action.title);
    const forLine = titles.indexOf('Turn off “space-around-punctuation” for this line');
    assert.ok(forLine >= 0 && forLine < titles.indexOf('Turn off “space-around-punctuation” for this document'), titles.join(' | '));
    const silenced = applyTextEdits(text, actions[forLine].edit!.changes![uri]);
    const after = await open(server, nextUri(), silenced);
    assert.deepEqual(after.filter((d) => d.code === 'space-around-punctuation').map((d) => d.range.start.line), [6]);
    // In the raw sample, a problem on a line that continues a paragraph gets no such action.
    const rawUri = nextUri();
    const raw = await open(server, rawUri, SAMPLE);
    const inside = raw.find((d) => d.code === 'space-around-punctuation' && d.range.start.line === 9)!;
    const rawActions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: rawUri },
      range: inside.range,
      context: { diagnostics: [inside] },
    })) as CodeAction[];
    assert.ok(!rawActions.some((action) => action.title.endsWith('for this line')), rawActions.map((a) => a.title).join(' | '));
  });

  it('source.fixAll.article and Format Document both give the expected clean sample', async () => {
    const uri = nextUri();
    await open(server, uri, SAMPLE);
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.article');
    assert.equal(applyTextEdits(SAMPLE, actions[0].edit!.changes![uri]), SAMPLE_FIXED);
    const formatting = (await server.connection.sendRequest('textDocument/formatting', {
      textDocument: { uri },
      options: { tabSize: 2, insertSpaces: true },
    })) as TextEdit[];
    assert.equal(applyTextEdits(SAMPLE, formatting), SAMPLE_FIXED);
  });

  it('hovers a figure split over two lines from either side', async () => {
    const uri = nextUri();
    const marked = '我国数字经济总量达到\n27.|2\n万亿元，占GDP比重达到32.9%。\n';
    const { text, offset } = withCursor(marked);
    await open(server, uri, text);
    const fromNumber = (await server.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: positionOf(text, offset),
    })) as Hover;
    assert.ok(fromNumber, 'hover on the number');
    assert.match(JSON.stringify(fromNumber.contents), /27\.2万亿元/);
    const unitOffset = text.indexOf('万亿元') + 1;
    const fromUnit = (await server.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: positionOf(text, unitOffset),
    })) as Hover;
    assert.deepEqual(fromUnit?.contents, fromNumber.contents);
  });

  it('lists the outline of the sample with the title at the root', async () => {
    const uri = nextUri();
    await open(server, uri, SAMPLE);
    const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    assert.equal(symbols.length, 1);
    assert.equal(symbols[0].name, '全国网络安全和信息化工作会议释放六大重要信号');
    const sections = symbols[0].children!.filter((child) => child.name.startsWith('信号'));
    assert.deepEqual(
      sections.map((child) => child.name),
      [
        '信号一  网络强国战略思想形成',
        '信号二  树立正确的网络安全观',
        '信号三  核心技术是国之重器',
        '信号四  加快推动数字产业化',
        '信号五  加强党中央对网信工作的集中统一领导',
        '信号六  推进全球互联网治理体系变革',
      ],
    );
  });

  it("keeps a new version's outline from its first sending once the editor asks after each edit, and sends it again for the next version", async () => {
    // What the server writes for one request: the bytes of its response (vscode-jsonrpc's framing, read off stdout).
    const answerBytes = async (uri: string): Promise<{ symbols: DocumentSymbol[]; bytes: Buffer }> => {
      const chunks: Buffer[] = [];
      const collect = (chunk: Buffer) => void chunks.push(chunk);
      server.process.stdout!.on('data', collect);
      const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
      server.process.stdout!.off('data', collect);
      const all = Buffer.concat(chunks);
      const bodies: Buffer[] = [];
      for (let at = 0; at < all.length; ) {
        const headerEnd = all.indexOf('\r\n\r\n', at);
        const length = Number(/Content-Length: (\d+)/.exec(all.subarray(at, headerEnd).toString('latin1'))![1]);
        bodies.push(all.subarray(headerEnd + 4, headerEnd + 4 + length));
        at = headerEnd + 4 + length;
      }
      return { symbols, bytes: bodies.find((body) => body.includes('"result":['))! };
    };
    const ascii = (bytes: Buffer) => bytes.every((byte) => byte < 0x80);
    const uri = nextUri();
    await open(server, uri, SAMPLE);
    const edit = async (version: number, line: number, character: number, text: string) => {
      const published = server.nextDiagnostics(uri, version);
      await server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text }],
      });
      await published;
    };
    // Asked once after opening: written as the standard encoder writes it (UTF-8, the names in Chinese).
    const first = await answerBytes(uri);
    assert.ok(!ascii(first.bytes));
    // A line added above the title moves every symbol: a new outline. The editor asked for the version before,
    // so it asks after each edit: the new symbols are kept from their first sending (the same JSON, in ASCII).
    await edit(2, 0, 0, '\n');
    const moved = await answerBytes(uri);
    assert.equal(moved.symbols[0].selectionRange.start.line, first.symbols[0].selectionRange.start.line + 1);
    assert.ok(ascii(moved.bytes), 'a new version\'s symbols kept from their first sending');
    // A character typed inside the longest line no symbol starts or ends on moves no symbol: the same symbols,
    // sent from those bytes.
    const used = new Set<number>();
    const visit = (list: readonly DocumentSymbol[]): void => {
      for (const { range, selectionRange, children } of list) {
        for (const { start, end } of [range, selectionRange]) used.add(start.line).add(end.line);
        visit(children ?? []);
      }
    };
    visit(moved.symbols);
    const lines = ['', ...SAMPLE.split('\n')];
    const longest = lines.reduce((best, line, i) => (!used.has(i) && line.length > lines[best].length ? i : best), 0);
    await edit(3, longest, 3, '的');
    const again = await answerBytes(uri);
    const result = (bytes: Buffer) => bytes.subarray(bytes.indexOf('"result":'));
    assert.deepEqual(result(again.bytes), result(moved.bytes));
    assert.deepEqual(again.symbols, moved.symbols);
  });

  it('answers the outline asked for again the same, and an edited text with its own outline', async () => {
    // From the second time on the server writes a version's outline from bytes it kept (node/keptEncoding.ts).
    const uri = nextUri();
    await open(server, uri, SAMPLE);
    const ask = async () => (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    const first = await ask();
    const [second, third] = await Promise.all([ask(), ask()]);
    assert.deepEqual(second, first);
    assert.deepEqual(third, first);
    // A line added above the title moves every symbol one line down: the new version's outline, not the kept bytes.
    const edited = server.nextDiagnostics(uri, 2);
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }],
    });
    await edited;
    const after = await ask();
    assert.deepEqual(await ask(), after);
    assert.equal(after[0].name, first[0].name);
    assert.equal(after[0].selectionRange.start.line, first[0].selectionRange.start.line + 1);
  });

  it('groups the people quoted, with their roles, in the outline', async () => {
    const uri = nextUri();
    await open(server, uri, SAMPLE);
    const [root] = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    const people = root.children!.find((child) => child.name === 'People quoted');
    assert.ok(people, 'a People quoted group');
    const wu = people!.children!.find((child) => child.name === '吴建平');
    assert.equal(wu?.detail, '中国工程院院士、清华大学教授');
    assert.deepEqual(
      people!.children!.map((child) => child.name),
      ['习近平', '惠志斌', '吴建平', '左晓栋', '李艳', '宋建武'],
    );
  });

  it('returns folding ranges for paragraphs spread over several lines', async () => {
    const uri = nextUri();
    await open(server, uri, SAMPLE);
    const ranges = (await server.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } })) as FoldingRange[];
    assert.ok(ranges.length > 10);
    for (const range of ranges) assert.ok(range.endLine > range.startLine);
  });

  it('follows the editor settings: a rule turned off disappears after a configuration change', async () => {
    const uri = nextUri();
    const text = '多边参与 、多方参与。\n';
    const first = await open(server, uri, text);
    assert.ok(first.some((d) => d.code === 'space-around-punctuation'));
    server.editorSettings = { rules: { 'space-around-punctuation': 'off' } };
    const next = server.nextDiagnostics(uri);
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.ok(!(await next).some((d: Diagnostic) => d.code === 'space-around-punctuation'));
  });

  it('shows at most article.maxProblems diagnostics, while fix all still fixes everything', async () => {
    server.editorSettings = { maxProblems: 5 };
    const uri = nextUri();
    const diagnostics = await open(server, uri, SAMPLE);
    assert.equal(diagnostics.length, 5);
    const [fixAll] = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    const resolved = fixAll.edit ? fixAll : ((await server.connection.sendRequest('codeAction/resolve', fixAll)) as CodeAction);
    assert.equal(applyTextEdits(SAMPLE, resolved.edit!.changes![uri]), SAMPLE_FIXED);
  });

  it('past article.maxProblems, sends those nearest the last edit or the view, and the whole count', async () => {
    server.editorSettings = { maxProblems: 40 };
    const counts: Array<{ uri: string; version: number; total: number; shown: number }> = [];
    server.connection.onNotification('article/problemCount', (params: (typeof counts)[number]) => void counts.push(params));
    const uri = nextUri();
    // Ten samples (over the size analysed whole): problems all through, far more than 40.
    let text = Array.from({ length: 10 }, () => SAMPLE).join('\n');
    const document = () => TextDocument.create(uri, 'article', 0, text);
    const opened = await open(server, uri, text);
    assert.equal(opened.length, 40);
    // Before any edit or view: the top of the document.
    assert.ok(opened[0].range.start.line < 10, JSON.stringify(opened[0].range));
    const firstCount = counts.find((c) => c.uri === uri && c.version === 1)!;
    assert.equal(firstCount.shown, 40);
    assert.ok(firstCount.total > 1000, `total ${firstCount.total}`);

    // An edit two thirds down: the problems around it, half before and half after.
    const at = Math.floor((text.length * 2) / 3);
    const position = document().positionAt(at);
    const edited = server.nextDiagnostics(uri, 2);
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: position, end: position }, text: '网' }],
    });
    text = text.slice(0, at) + '网' + text.slice(at);
    const near = await edited;
    assert.equal(near.length, 40);
    const offsets = near.map((d) => document().offsetAt(d.range.start));
    assert.ok(offsets.filter((offset) => offset < at).length >= 15 && offsets.filter((offset) => offset >= at).length >= 15, offsets.join(','));
    assert.deepEqual(offsets, [...offsets].sort((a, b) => a - b), 'in document order');

    // Scrolling to the top: published again around what is in view, for the same version.
    const viewed = server.nextDiagnostics(uri, 2);
    await server.connection.sendNotification('article/visibleRanges', {
      uri,
      ranges: [{ start: { line: 0, character: 0 }, end: { line: 30, character: 0 } }],
    });
    const top = await viewed;
    assert.ok(top.some((d) => d.range.start.line < 30), JSON.stringify(top[0].range));
    assert.ok(top.every((d) => document().offsetAt(d.range.start) < at - 100));

    // Malformed view reports are ignored; the server keeps serving.
    await server.connection.sendNotification('article/visibleRanges', { uri, ranges: 'everything' });
    await server.connection.sendNotification('article/visibleRanges', { uri: 42 });
    await server.connection.sendNotification('article/visibleRanges', null);
    const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.notEqual(hover, undefined);
    assert.deepEqual(server.logs.filter((log) => log.includes('visibleRanges')), []);
    assert.equal(server.messages.filter((m) => m.includes('article.maxProblems')).length, 1, server.messages.join(' | '));
  });

  it('says what a project settings file holds that it ignores, once, and applies the rest', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'article-lint-config-'));
    try {
      writeFileSync(path.join(dir, '.article-lint.json'), JSON.stringify({ rules: { 'brokn-word': 'off', 'space-around-punctuation': 'off' } }));
      const text = '标题\n\n多边参与 、多方参与。\n';
      const first = await open(server, pathToFileURL(path.join(dir, 'a.article')).toString(), text);
      await open(server, pathToFileURL(path.join(dir, 'b.article')).toString(), text);
      assert.deepEqual(first.filter((d) => d.code === 'space-around-punctuation'), [], 'the rest of the file applies');
      const warnings = server.messages.filter((m) => m.includes('brokn-word'));
      assert.equal(warnings.length, 1, server.messages.join(' | '));
      assert.match(warnings[0], /ignores part of a settings file: .*\.article-lint\.json: unknown rule "brokn-word" \(did you mean "broken-word"\?\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('speaks Chinese when the client locale is zh-cn', async () => {
    const zhServer = await startServer({ locale: 'zh-cn' });
    try {
      const diagnostics = await open(zhServer, nextUri(), '多边参与 、多方参与。\n');
      assert.match(String(diagnostics[0].message), /删除/);
    } finally {
      await zhServer.stop();
    }
  });

  it('clears diagnostics on close and keeps serving after bad requests', async () => {
    const uri = nextUri();
    await open(server, uri, SAMPLE);
    const farAway = (await server.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 100000, character: 99999 },
    })) as Hover | null;
    assert.equal(farAway, null);
    const unknown = await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: 'file:///nope.article' } });
    assert.equal(unknown, null);
    const cleared = server.nextDiagnostics(uri);
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    assert.deepEqual(await cleared, []);
    const symbols = await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols, null);
  });

  it('ends cleanly on shutdown and exit', async () => {
    assert.equal(await server.stop(), 0);
  });
});
