// The server's sessions, lifecycle and request bounds, over LSP messages with the server in this process.

import * as assert from 'node:assert/strict';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import type { CodeAction, Diagnostic, Hover, TextEdit } from 'vscode-languageserver-protocol';
import { readFixture } from '../helpers';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyTextEdits } from './lspClient';
import { inProcessServer, type InProcessServer } from './inProcess';
import { analyze, defaultSettings, rules } from '../../server/src/core';
import { toDiagnostic } from '../../server/src/lsp/convert';
import { DIAGNOSTIC_SOURCE, rulePageUri } from '../../server/src/lsp/protocol';
import { Abandoned, DocumentSession, giveWay } from '../../server/src/lsp/session';
import { speakerReads } from '../../server/src/core/speakers';

const SAMPLE = readFixture('sample/sample.raw.article');
const WRAP_CODES = new Set(['broken-line', 'broken-word', 'split-figure', 'stranded-punctuation']);

/** Where the sample's first figure is: a hover there has an answer. */
function figurePosition(): { line: number; character: number } {
  const lines = SAMPLE.split('\n');
  const line = lines.findIndex((text) => /\d/.test(text));
  return { line, character: lines[line].search(/\d/) };
}

async function errorOf(promise: Promise<unknown>): Promise<{ code?: number } | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return error as { code?: number };
  }
}

describe('language server sessions (in process)', function () {
  this.timeout(60_000);
  let server: InProcessServer;
  let counter = 0;
  const nextUri = () => `file:///in-process/doc${++counter}.article`;

  beforeEach(() => {
    server = inProcessServer({ configurationTimeoutMs: 200 });
  });
  afterEach(() => server.dispose());

  describe('lifecycle', () => {
    it('answers a request before initialize with -32002 and drops notifications', async () => {
      const uri = nextUri();
      assert.equal((await errorOf(server.client.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } })))?.code, -32002);
      assert.equal((await errorOf(server.client.sendRequest('article/anything', {})))?.code, -32002);
      await server.client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'article', version: 1, text: SAMPLE } });
      await server.initialize();
      // The document opened before initialize was not taken: it has no session.
      assert.equal(await server.client.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }), null);
    });

    it('refuses a second initialize and keeps its state', async () => {
      await server.initialize();
      const uri = nextUri();
      await server.open(uri, SAMPLE);
      assert.equal((await errorOf(server.initialize()))?.code, -32600);
      const symbols = await server.client.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
      assert.ok(Array.isArray(symbols) && symbols.length > 0);
    });

    it('refuses requests after shutdown', async () => {
      await server.initialize();
      const uri = nextUri();
      await server.open(uri, SAMPLE);
      await server.client.sendRequest('shutdown');
      assert.equal((await errorOf(server.client.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })))?.code, -32600);
      assert.equal((await errorOf(server.client.sendRequest('article/anything', {})))?.code, -32600);
    });
  });

  describe('documents', () => {
    beforeEach(() => server.initialize());

    it('analyses the text a re-open carries, even with the same version', async () => {
      const uri = nextUri();
      await server.open(uri, SAMPLE, 1);
      const text = '多边参与 、多方参与。\n';
      const diagnostics = await server.open(uri, text, 1);
      assert.ok(diagnostics.length > 0 && diagnostics.every((d) => d.range.start.line === 0), JSON.stringify(diagnostics));
      const edits = (await server.client.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } })) as TextEdit[];
      assert.equal(applyTextEdits(text, edits), '多边参与、多方参与。\n');
    });

    it('analyses the text a change carries when the change keeps the version', async () => {
      const uri = nextUri();
      await server.open(uri, SAMPLE, 3);
      const text = '今年增长 12.5% 。\n';
      const next = server.nextDiagnostics(uri, 3);
      await server.client.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text }] });
      const diagnostics = await next;
      assert.ok(diagnostics.every((d) => d.range.start.line === 0));
      const hover = (await server.client.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 5 } })) as Hover | null;
      assert.ok(hover, 'a hover on the figure of the new text');
    });

    it('refuses text with NUL bytes like the CLI, with a message, and analyses it again once it is text', async () => {
      const uri = nextUri();
      assert.deepEqual(await server.open(uri, '多边参与 、\0多方参与。\n'), []);
      assert.ok(server.messages.some((m) => /NUL/.test(m)), server.messages.join('\n'));
      assert.equal(await server.client.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }), null);
      const next = server.nextDiagnostics(uri, 2);
      await server.client.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: '多边参与 、多方参与。\n' }] });
      assert.ok((await next).length > 0);
    });

    it('refuses a large document once an edit inserts a NUL byte, and analyses it again once an edit removes it', async () => {
      const uri = nextUri();
      const body = SAMPLE.replace(/\n+$/, '\n');
      const text = Array.from({ length: 12 }, (_, i) => body.replace(/\d/g, (d) => String((Number(d) + i) % 10))).join('\n');
      assert.ok((await server.open(uri, text)).length > 250);
      const where = { line: 400, character: 2 };
      const refused = server.nextDiagnostics(uri, 2);
      await server.client.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: where, end: where }, text: '\0' }] });
      assert.deepEqual(await refused, []);
      assert.equal(await server.client.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }), null);
      const analysed = server.nextDiagnostics(uri, 3);
      const after = { line: 400, character: 3 };
      await server.client.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ range: { start: where, end: after }, text: '' }] });
      assert.ok((await analysed).length > 250);
    });

    it('analyses with the defaults when the editor never answers workspace/configuration', async () => {
      server.configuration = 'never';
      const uri = nextUri();
      const diagnostics = await server.open(uri, SAMPLE);
      assert.ok(diagnostics.length > 250);
      const symbols = await server.client.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
      assert.ok(Array.isArray(symbols) && symbols.length > 0);
    });

    it('answers a formatting request cancelled while the document is analysed with RequestCancelled', async () => {
      const uri = nextUri();
      const body = SAMPLE.replace(/\n+$/, '\n');
      const text = Array.from({ length: 60 }, (_, i) => body.replace(/\d/g, (d) => String((Number(d) + i) % 10))).join('\n');
      await server.client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'article', version: 1, text } });
      const source = new CancellationTokenSource();
      const formatting = server.client.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }, source.token);
      source.cancel();
      assert.equal((await errorOf(formatting))?.code, -32800);
    });
  });

  describe('responsiveness', () => {
    beforeEach(() => server.initialize());
    /**
     * About 500 K characters: analysed in a hundred steps or so. Sixty distinct copies (each number raised
     * by the copy's index): repeated copies would be taken over from the first, and the analysis could end
     * before a request on another document arrived, which is not what these tests are about.
     */
    const large = () => {
      const body = SAMPLE.replace(/\n+$/, '\n');
      return Array.from({ length: 60 }, (_, i) => body.replace(/\d+/g, (digits) => String(Number(digits) + i))).join('\n');
    };

    it('answers a hover on another document while a large one is analysed, before the large one is done', async () => {
      const small = nextUri();
      await server.open(small, SAMPLE);
      const lines = SAMPLE.split('\n');
      const line = lines.findIndex((text) => /\d/.test(text));
      const big = nextUri();
      const events: string[] = [];
      const bigDone = server.open(big, large()).then(() => events.push('large analysed'));
      // Well into its analysis (a second or more of work) before asking.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const hover = (await server.client.sendRequest('textDocument/hover', { textDocument: { uri: small }, position: { line, character: lines[line].search(/\d/) } })) as Hover | null;
      events.push('hover answered');
      assert.ok(hover, 'a hover on the figure');
      await bigDone;
      assert.deepEqual(events, ['hover answered', 'large analysed']);
    });

    it('analyses a burst of edits to a large document a few times at most, not once per edit, and publishes its last text', async () => {
      const uri = nextUri();
      await server.open(uri, large());
      const EDITS = 40;
      const last = server.nextDiagnostics(uri, EDITS + 1);
      for (let i = 0; i < EDITS; i++) {
        const position = { line: (i * 37) % 200, character: 0 };
        await server.client.sendNotification('textDocument/didChange', {
          textDocument: { uri, version: i + 2 },
          contentChanges: [{ range: { start: position, end: position }, text: '的' }],
        });
      }
      const diagnostics = await last;
      assert.ok(diagnostics.length > 0);
      // A version is published only when its analysis ended before the next edit came (on a busy machine
      // the edits may come slowly): never all of them.
      const versions = server.published.filter((p) => p.uri === uri).map((p) => p.version!);
      assert.ok(versions.length <= EDITS / 4, `published versions ${versions}`);
      assert.deepEqual(versions, [...versions].sort((a, b) => a - b));
    });

    it('stops fix all for a formatting request cancelled while it runs, and answers other documents meanwhile', async () => {
      const small = nextUri();
      await server.open(small, SAMPLE);
      const uri = nextUri();
      // Analysed already: the request goes straight to fixing, pass after pass, each analysed in steps.
      await server.open(uri, large());
      const source = new CancellationTokenSource();
      const events: string[] = [];
      const formatting = errorOf(server.client.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }, source.token));
      void formatting.then(() => events.push('formatting ended'));
      const hover = await server.client.sendRequest('textDocument/hover', { textDocument: { uri: small }, position: figurePosition() });
      events.push('hover answered');
      assert.ok(hover, 'a hover on the figure');
      source.cancel();
      assert.equal((await formatting)?.code, -32800);
      assert.deepEqual(events, ['hover answered', 'formatting ended']);
    });

    it('stops the analysis of a text the editor has replaced (the session rejects it as superseded)', async () => {
      const session = new DocumentSession('file:///in-process/superseded.article', 'article', 1, large());
      const analysis = session.stateWith(defaultSettings);
      let steps = 0;
      // A few steps into the analysis, the text changes.
      while (steps < 3) {
        await giveWay();
        steps++;
      }
      let settled = false;
      analysis.then(
        () => (settled = true),
        () => (settled = true),
      );
      session.change([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '的' }], 2);
      // At its next step, not after the hundred or so it had left.
      let after = 0;
      while (!settled) {
        await giveWay();
        after++;
      }
      assert.ok(after <= 3, `stopped ${after} steps after the change`);
      await assert.rejects(analysis, (error) => error instanceof Abandoned && error.reason === 'superseded');
      const state = await session.stateWith(defaultSettings);
      assert.equal(state.generation, session.generation);
      assert.ok(state.analysis?.model.text.startsWith('的'));
    });
  });

  describe('outline', () => {
    beforeEach(() => server.initialize());

    it('reads the people quoted while an opened document is analysed (the first documentSymbol only builds the outline); after an edit the request reads them', async () => {
      const uri = nextUri();
      const opened = speakerReads.regions;
      await server.open(uri, SAMPLE);
      const read = speakerReads.regions - opened;
      assert.ok(read > 0, 'the regions read for speakers before any request');
      type Entry = { readonly name: string; readonly children?: readonly Entry[] };
      const symbols = (await server.client.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as Entry[];
      assert.equal(speakerReads.regions - opened, read, 'no region read again by the request');
      const all = (list: readonly Entry[]): Entry[] => list.flatMap((symbol) => [symbol, ...all(symbol.children ?? [])]);
      const people = all(symbols).find((symbol) => symbol.name === 'People quoted');
      assert.ok(people?.children && people.children.length >= 3, 'the people quoted among the symbols');
      // An edit's diagnostics do not wait for the speakers. The editor asked for the version before's outline, so
      // this version's is made right after them (lsp/sessions.ts outlineAhead): its request reads no region.
      const edited = speakerReads.regions;
      let readWhenPublished = -1;
      server.onServerWrite = (message) => {
        if ((message as { method?: string }).method === 'textDocument/publishDiagnostics') readWhenPublished = speakerReads.regions;
      };
      await edit(uri, 2);
      assert.equal(readWhenPublished, edited, 'no region read for speakers before the diagnostics are written');
      await turnsUntil(() => speakerReads.regions > edited);
      const madeAhead = speakerReads.regions;
      assert.ok(madeAhead > edited, 'the edited region read for the outline made ahead, before any request');
      const answered = await server.client.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
      assert.equal(speakerReads.regions, madeAhead, 'the request found the outline made');
      // The same symbols as a document opened with this text.
      const twin = nextUri();
      await server.open(twin, `的${SAMPLE}`);
      assert.deepEqual(answered, await server.client.sendRequest('textDocument/documentSymbol', { textDocument: { uri: twin } }));
    });

    it('is made ahead only for an editor that asked for the outline of the version published before', async () => {
      const uri = nextUri();
      await server.open(uri, SAMPLE);
      // Never asked: an edit reads no region for speakers after its diagnostics.
      const opened = speakerReads.regions;
      await edit(uri, 2);
      await turnsUntil(() => speakerReads.regions > opened);
      assert.equal(speakerReads.regions, opened);
      // Asked for version 2: version 3's outline is made ahead; version 3's not asked for: version 4's is not.
      await server.client.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
      const asked = speakerReads.regions;
      await edit(uri, 3);
      await turnsUntil(() => speakerReads.regions > asked);
      const madeAhead = speakerReads.regions;
      assert.ok(madeAhead > asked);
      await edit(uri, 4);
      await turnsUntil(() => speakerReads.regions > madeAhead);
      assert.equal(speakerReads.regions, madeAhead);
    });

    /** Types a character at the start of the document as version `version` and waits for its diagnostics. */
    async function edit(uri: string, version: number): Promise<void> {
      const diagnostics = server.nextDiagnostics(uri, version);
      const position = { line: 0, character: 0 };
      await server.client.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: position, end: position }, text: '的' }] });
      await diagnostics;
    }

    /** Gives the server turns of the event loop until `done` or a few pauses went by (counted, not timed). */
    async function turnsUntil(done: () => boolean): Promise<void> {
      for (let pause = 0; pause < 10 && !done(); pause++) await giveWay();
    }
  });

  describe('diagnostics', () => {
    it('leave out the source and the rule page for a client that completes them, and its completed diagnostics get their quick fixes', async () => {
      await server.initialize({ workspace: { configuration: true } }, { ruleDocsBase: 'https://example.test/rules/', completesDiagnostics: true });
      const uri = nextUri();
      const published = await server.open(uri, SAMPLE);
      assert.ok(published.length > 250);
      for (const diagnostic of published) {
        assert.deepEqual(Object.keys(diagnostic).filter((key) => key !== 'tags' && key !== 'relatedInformation').sort(), ['code', 'message', 'range', 'severity']);
        assert.ok(rules.some((rule) => rule.id === diagnostic.code), String(diagnostic.code));
        assert.ok(String(diagnostic.message).length > 0);
      }
      // What the extension's client makes of them (client/src/client.ts) is what the editor sends back.
      const space = published.find((d) => d.code === 'space-around-punctuation')!;
      const completed: Diagnostic = { ...space, source: DIAGNOSTIC_SOURCE, codeDescription: { href: rulePageUri('https://example.test/rules/', String(space.code)) } };
      const actions = (await server.client.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: completed.range,
        context: { diagnostics: [completed], only: ['quickfix'] },
      })) as CodeAction[];
      assert.ok(actions.some((action) => action.title.startsWith('Fix: ') && action.edit !== undefined), JSON.stringify(actions.map((a) => a.title)));
    });

    it('after random edits are those of the version converted afresh (lines added and removed, regions cut again, twin regions, a directive, a window of them)', async () => {
      for (const maxProblems of [100_000, 150]) {
        server.dispose();
        server = inProcessServer({ configurationTimeoutMs: 200 });
        server.configuration = { maxProblems };
        await server.initialize({ workspace: { configuration: true } }, { completesDiagnostics: true });
        // Copies alike: a first analysis takes a region over from its twin, one list of problems at two places.
        const copies = Array.from({ length: 6 }, () => SAMPLE);
        copies[3] = `<!-- article-lint-disable space-around-punctuation -->\n${copies[3]}<!-- article-lint-enable -->\n`;
        let text = copies.join('\n');
        const uri = nextUri();
        /** What the server published before it kept diagnostics: the version's problems near the focus, each converted. */
        const expected = (focus: number) => {
          const document = TextDocument.create(uri, 'article', 0, text);
          const problems = analyze(text, defaultSettings).problemsNear(focus, maxProblems);
          return JSON.parse(JSON.stringify(problems.map((problem) => toDiagnostic(document, problem, uri, true))));
        };
        assert.deepEqual(await server.open(uri, text), expected(0), 'opened');
        let seed = 7 + maxProblems;
        const random = (n: number) => {
          seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
          return seed % n;
        };
        for (let version = 2; version <= 21; version++) {
          const document = TextDocument.create(uri, 'article', 0, text);
          const at = random(text.length);
          // Within a line, new lines, a line end or more taken out.
          const kind = random(5);
          const end = kind === 2 ? Math.min(text.length, at + 1 + random(300)) : at;
          const inserted = ['的', '\n', '', '\n\n', '网络，'][kind];
          const published = server.nextDiagnostics(uri, version);
          await server.client.sendNotification('textDocument/didChange', {
            textDocument: { uri, version },
            contentChanges: [{ range: { start: document.positionAt(at), end: document.positionAt(end) }, text: inserted }],
          });
          text = text.slice(0, at) + inserted + text.slice(end);
          assert.deepEqual(await published, expected(at), `version ${version}`);
        }
      }
    });

    it('carry the source and the rule page for any other client', async () => {
      await server.initialize({ workspace: { configuration: true } }, { ruleDocsBase: 'https://example.test/rules/' });
      const published = await server.open(nextUri(), SAMPLE);
      for (const diagnostic of published) {
        assert.equal(diagnostic.source, 'article');
        assert.equal(diagnostic.codeDescription?.href, `https://example.test/rules/${diagnostic.code}.md`);
      }
    });
  });

  describe('code actions', () => {
    it('are sized by what they fix: one join per paragraph with its own diagnostics, each rule once, even for 10 000 diagnostics', async () => {
      await server.initialize({ workspace: { configuration: true }, textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } } });
      const uri = nextUri();
      const published = await server.open(uri, SAMPLE);
      const many: Diagnostic[] = [];
      while (many.length < 10_000) many.push(...published);
      many.length = 10_000;
      const lastLine = SAMPLE.split('\n').length;
      const actions = (await server.client.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: lastLine, character: 0 } },
        context: { diagnostics: many, only: ['quickfix', 'source.fixAll'] },
      })) as CodeAction[];
      assert.ok(JSON.stringify(actions).length < 300_000, `${JSON.stringify(actions).length} characters`);
      assert.ok(actions.length <= 20 + 20 + 3 * 14 + 1, `${actions.length} actions`);
      const titles = actions.filter((a) => !a.title.startsWith('Fix: ') && a.title !== 'Join every broken line of this paragraph').map((a) => a.title);
      assert.equal(new Set(titles).size, titles.length, 'rule-wide actions once each');
      const joins = actions.filter((a) => a.title === 'Join every broken line of this paragraph');
      assert.ok(joins.length > 1);
      const joinedLines = new Set<string>();
      for (const join of joins) {
        const edits = join.edit!.changes![uri];
        const first = edits[0].range.start.line;
        const last = edits[edits.length - 1].range.end.line;
        const key = `${first}-${last}`;
        assert.ok(!joinedLines.has(key), 'one action per paragraph');
        joinedLines.add(key);
        for (const diagnostic of join.diagnostics!) {
          assert.ok(WRAP_CODES.has(String(diagnostic.code)));
          assert.ok(diagnostic.range.start.line >= first && diagnostic.range.start.line <= last, 'a join lists only its paragraph’s diagnostics');
        }
      }
      assert.equal(actions.filter((a) => a.kind === 'source.fixAll.article').length, 1);
    });

    it('stops resolving fix all when the editor cancels it, and answers other documents meanwhile', async () => {
      await server.initialize({ workspace: { configuration: true }, textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } } });
      const small = nextUri();
      await server.open(small, SAMPLE);
      const uri = nextUri();
      const body = SAMPLE.replace(/\n+$/, '\n');
      await server.open(uri, Array.from({ length: 60 }, (_, i) => body.replace(/\d+/g, (digits) => String(Number(digits) + i))).join('\n'));
      const actions = (await server.client.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      })) as CodeAction[];
      const fixAll = actions.find((a) => a.kind === 'source.fixAll.article');
      assert.ok(fixAll && !fixAll.edit, 'fix all offered, its edit left to resolve');
      const source = new CancellationTokenSource();
      const events: string[] = [];
      const resolved = errorOf(server.client.sendRequest('codeAction/resolve', fixAll, source.token));
      void resolved.then(() => events.push('fix all ended'));
      await server.client.sendRequest('textDocument/hover', { textDocument: { uri: small }, position: figurePosition() });
      events.push('hover answered');
      source.cancel();
      assert.equal((await resolved)?.code, -32800);
      assert.deepEqual(events, ['hover answered', 'fix all ended']);
    });

    it('gives a client without codeAction/resolve no document-wide edit of a rule with many problems inline', async () => {
      await server.initialize();
      const uri = nextUri();
      const body = SAMPLE.replace(/\n+$/, '\n');
      const text = Array.from({ length: 8 }, () => body).join('\n');
      const diagnostics = await server.open(uri, text);
      const space = diagnostics.find((d) => d.code === 'space-around-punctuation')!;
      const actions = (await server.client.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: space.range,
        context: { diagnostics: [space], only: ['quickfix'] },
      })) as CodeAction[];
      assert.ok(actions.some((a) => a.title.startsWith('Fix: ')));
      assert.ok(!actions.some((a) => a.title.includes('Fix all “space-around-punctuation”')), actions.map((a) => a.title).join('\n'));
    });
  });
});
