// The real language server (dist/server.js --stdio) under random traffic: mangled corpus texts opened,
// edited in bursts that race the analysis, closed and reopened, with hovers, symbols, folding, semantic
// tokens (full and delta), code actions (resolved), formatting and cancellations at random positions, some
// out of range. Run `npm run build` first.
//
//   node scripts/fuzz/lsp.mjs [--seed N] [--cases N | --minutes M] [--out DIR]
//
// Checks, per case:
//   - every request is answered (within 60 s, a hang otherwise) and the server logs no handler failure;
//   - every diagnostic, symbol, fold, token and edit lies inside the document, on UTF-16 positions that
//     split no surrogate pair;
//   - the diagnostics of a document edited many times equal those of the same text opened afresh;
//   - no two edits of one code action overlap; each applies, and keeps every Han character, letter and
//     digit in order (whole label lines aside); Format Document gives the core's fix-all of the text;
//   - a semantic-tokens delta applied to the tokens held gives the full tokens.
// A failing case's texts and edits are written to --out.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { loadCore } from '../load-core.mjs';
import { campaignOptions } from './options.mjs';
import { caseText, keepsEssentials, random, realTexts, ROOT, splitsPair } from './texts.mjs';

const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node');
const { TextDocument } = require('vscode-languageserver-textdocument');

const args = campaignOptions(process.argv.slice(2), 50);
const core = await loadCore();
const HANG_MS = 60_000;

class Server {
  constructor() {
    this.child = spawn(process.execPath, [path.join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.stderr = '';
    this.child.stderr.on('data', (chunk) => (this.stderr += chunk));
    this.exited = false;
    this.child.on('exit', () => (this.exited = true));
    this.connection = rpc.createMessageConnection(new rpc.StreamMessageReader(this.child.stdout), new rpc.StreamMessageWriter(this.child.stdin));
    this.published = new Map();
    this.waiters = [];
    this.errors = [];
    this.connection.onNotification('textDocument/publishDiagnostics', (params) => {
      this.published.set(params.uri, params);
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && waiter.version === params.version) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params.diagnostics);
        }
      }
    });
    this.connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({})));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/showMessageRequest', () => null);
    this.connection.onNotification('window/showMessage', () => undefined);
    this.connection.onNotification('window/logMessage', (params) => {
      // The server answers a request whose handler threw with its fallback, and logs the failure.
      if (params.type === 1 || /failed/.test(params.message)) this.errors.push(params.message);
    });
    this.connection.listen();
  }

  async initialize() {
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: { configuration: true },
        textDocument: { publishDiagnostics: { versionSupport: true }, codeAction: { resolveSupport: { properties: ['edit'] } } },
      },
      initializationOptions: { ruleDocsBase: `${pathToFileURL(path.join(ROOT, 'docs', 'rules')).href}/`, completesDiagnostics: true },
    });
    await this.connection.sendNotification('initialized', {});
  }

  diagnostics(uri, version) {
    const last = this.published.get(uri);
    if (last && last.version === version) return Promise.resolve(last.diagnostics);
    return within(new Promise((resolve) => this.waiters.push({ uri, version, resolve })), `diagnostics of ${uri} v${version}`);
  }

  /** A request, answered or refused (an error answer is an answer); cancelled after `cancelAfter` ms if given. */
  request(method, params, cancelAfter) {
    const source = new rpc.CancellationTokenSource();
    if (cancelAfter !== undefined) setTimeout(() => source.cancel(), cancelAfter);
    return within(
      this.connection.sendRequest(method, params, source.token).then(
        (result) => ({ result }),
        (error) => ({ error }),
      ),
      method,
    );
  }

  async stop() {
    const exited = new Promise((resolve) => (this.exited ? resolve() : this.child.once('exit', resolve)));
    await within(this.connection.sendRequest('shutdown'), 'shutdown');
    await this.connection.sendNotification('exit');
    await within(exited, 'exit');
    this.connection.dispose();
  }
}

function within(promise, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`hang: no answer to ${what} in ${HANG_MS / 1000} s`)), HANG_MS))),
  ]);
}

function check(ok, message) {
  if (!ok) throw new Error(message);
}

/** Whether an LSP position names a place in the document: a line it has, a character on it, no pair split. */
function checkPosition(document, position, what) {
  check(Number.isInteger(position?.line) && Number.isInteger(position?.character) && position.line >= 0 && position.character >= 0, `${what}: bad position ${JSON.stringify(position)}`);
  check(position.line < document.lineCount, `${what}: line ${position.line} of ${document.lineCount}`);
  const lineStart = document.offsetAt({ line: position.line, character: 0 });
  const lineEnd = position.line + 1 < document.lineCount ? document.offsetAt({ line: position.line + 1, character: 0 }) : document.getText().length;
  const line = document.getText().slice(lineStart, lineEnd).replace(/\r?\n$|\r$/, '');
  check(position.character <= line.length, `${what}: character ${position.character} past the end of line ${position.line} (${line.length})`);
  check(!splitsPair(document.getText(), lineStart + position.character), `${what}: splits a surrogate pair at ${position.line}:${position.character}`);
}

function checkRange(document, range, what) {
  checkPosition(document, range?.start, what);
  checkPosition(document, range?.end, what);
  check(document.offsetAt(range.start) <= document.offsetAt(range.end), `${what}: range ends before it starts`);
}

/** Checks a list of text edits against the document and applies them. */
function applyChecked(document, edits, what) {
  const offsets = edits.map((edit) => {
    checkRange(document, edit.range, what);
    return [document.offsetAt(edit.range.start), document.offsetAt(edit.range.end)];
  });
  const sorted = [...offsets].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (let i = 1; i < sorted.length; i++) check(sorted[i][0] >= sorted[i - 1][1] && !(sorted[i][0] === sorted[i - 1][0] && sorted[i][0] === sorted[i - 1][1] && sorted[i][0] === sorted[i][1]), `${what}: edits overlap at ${sorted[i][0]}`);
  return TextDocument.applyEdits(document, edits);
}

function randomPosition(rng, document) {
  if (rng.chance(0.1)) return { line: rng.int(document.lineCount + 5) - 2, character: rng.int(200) - 5 };
  return document.positionAt(rng.int(document.getText().length + 1));
}

function randomRange(rng, document) {
  const a = document.offsetAt(randomPosition(rng, document));
  const b = Math.min(document.getText().length, a + rng.int(rng.chance(0.1) ? 1e6 : 400));
  return { start: document.positionAt(a), end: document.positionAt(b) };
}

/** A change as an editor sends it: a range (possibly past the end) and its new text. */
function randomChange(rng, document) {
  const text = document.getText();
  const start = rng.int(text.length + 1);
  const end = Math.min(text.length, start + (rng.chance(0.5) ? 0 : rng.int(rng.chance(0.9) ? 10 : 3000)));
  const newText = rng.pick(['的', '\n', '\n\n', '。', '，', ' ', '', '信号二\n', '“', '1', '\r\n', '\r', '（完）\n', '\ud800', '😀', '27.2\n万亿元', 'a b', '\f']);
  return { range: { start: document.positionAt(start), end: document.positionAt(end) }, text: newText };
}

const LEGEND_TYPES = 64;

function checkTokens(document, data, what) {
  check(Array.isArray(data) && data.length % 5 === 0, `${what}: data is not groups of five`);
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    const [deltaLine, deltaStart, length, type] = data.slice(i, i + 4);
    line += deltaLine;
    character = deltaLine === 0 ? character + deltaStart : deltaStart;
    check(deltaLine >= 0 && deltaStart >= 0 && length > 0 && type >= 0 && type < LEGEND_TYPES, `${what}: bad token ${data.slice(i, i + 5)}`);
    checkRange(document, { start: { line, character }, end: { line, character: character + length } }, `${what} token`);
  }
}

function applyTokenEdits(data, edits) {
  const result = [...data];
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) result.splice(edit.start, edit.deleteCount, ...(edit.data ?? []));
  return result;
}

/** One case: a text opened, edited in bursts with requests in between, then everything checked. */
async function runCase(server, rng, n, log) {
  const uri = `file:///fuzz/${n}.article`;
  let document = TextDocument.create(uri, 'article', 1, caseText(rng, reals, { maxLength: 30_000 }));
  log.push({ open: document.getText() });
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'article', version: 1, text: document.getText() } });
  const pending = [];
  let tokens;
  const bursts = 1 + rng.int(5);
  for (let burst = 0; burst < bursts; burst++) {
    // Edits sent back to back, with no wait: they race the analysis of the versions before.
    for (let i = rng.int(6); i > 0; i--) {
      const changes = Array.from({ length: 1 + rng.int(2) }, () => randomChange(rng, document));
      // Several changes in one notification apply one after another.
      const applied = [];
      for (const change of changes) {
        const fresh = rng.chance(0.5) ? change : randomChange(rng, document);
        applied.push(fresh);
        // Made afresh from the updated text: the library's incremental update of its line offsets can go
        // wrong (NaN characters) after a change that puts a LF after a CR; a fresh one counts them again.
        document = TextDocument.create(uri, 'article', document.version + 1, TextDocument.update(document, [fresh], document.version + 1).getText());
      }
      log.push({ change: applied });
      await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: document.version }, contentChanges: applied });
    }
    // Requests while the analysis may still run; some cancelled at once or soon, some on other documents.
    const snapshot = document;
    for (let i = 1 + rng.int(5); i > 0; i--) {
      const cancel = rng.chance(0.3) ? rng.int(20) : undefined;
      const target = rng.chance(0.05) ? 'file:///fuzz/unknown.article' : uri;
      const textDocument = { uri: target };
      switch (rng.int(7)) {
        case 0:
          pending.push(server.request('textDocument/hover', { textDocument, position: randomPosition(rng, snapshot) }, cancel));
          break;
        case 1:
          pending.push(server.request('textDocument/documentSymbol', { textDocument }, cancel));
          break;
        case 2:
          pending.push(server.request('textDocument/foldingRange', { textDocument }, cancel));
          break;
        case 3:
          pending.push(server.request('textDocument/semanticTokens/full', { textDocument }, cancel).then((answer) => {
            if (answer.result && target === uri) tokens = answer.result;
          }));
          break;
        case 4: {
          const diagnostics = server.published.get(uri)?.diagnostics ?? [];
          const context = { diagnostics: diagnostics.slice(0, 1 + rng.int(30)), only: rng.chance(0.2) ? ['source.fixAll'] : undefined };
          pending.push(server.request('textDocument/codeAction', { textDocument, range: randomRange(rng, snapshot), context }, cancel));
          break;
        }
        case 5:
          pending.push(server.request('textDocument/formatting', { textDocument, options: { tabSize: 4, insertSpaces: true } }, cancel));
          break;
        default:
          pending.push(server.request('textDocument/semanticTokens/full/delta', { textDocument, previousResultId: tokens?.resultId ?? 'none' }, cancel));
      }
    }
  }
  // Every request answered, then the settled version checked.
  await Promise.all(pending);
  const diagnostics = await server.diagnostics(uri, document.version);
  await settledChecks(server, rng, document, diagnostics, n, tokens);
  // Closed, then asked about: answered (null or an error), never a crash.
  await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
  await server.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics } });
}

async function settledChecks(server, rng, document, diagnostics, n, tokens) {
  const uri = document.uri;
  const text = document.getText();
  for (const diagnostic of diagnostics) checkRange(document, diagnostic.range, `diagnostic ${diagnostic.code}`);
  // Binary text (a NUL) is refused: no diagnostics, and null for what is asked about it.
  if (core.unreadableReason(text)) {
    check(diagnostics.length === 0, 'diagnostics for a refused (binary) text');
    const answer = await server.request('textDocument/semanticTokens/full', { textDocument: { uri } });
    check(!answer.error && answer.result === null, 'a refused text has semantic tokens');
    check(server.errors.length === 0, `the server logged a failure: ${server.errors[0]?.slice(0, 300)}`);
    return;
  }
  // The same text opened afresh: the same diagnostics (when all are shown: past maxProblems the editor gets those near the last edit).
  if (diagnostics.length < 1000) {
    const freshUri = `file:///fuzz/${n}-fresh.article`;
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: freshUri, languageId: 'article', version: 1, text } });
    const fresh = await server.diagnostics(freshUri, 1);
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: freshUri } });
    const same = (list, from) => JSON.stringify(list).replaceAll(JSON.stringify(from).slice(1, -1), 'URI');
    check(same(fresh, freshUri) === same(diagnostics, uri), `diagnostics after edits differ from the same text opened afresh (${diagnostics.length} vs ${fresh.length})`);
  }
  const ask = async (method, params) => {
    const answer = await server.request(method, { textDocument: { uri }, ...params });
    check(!answer.error, `${method} failed on the settled version: ${answer.error?.message}`);
    return answer.result;
  };
  for (const symbol of flatten((await ask('textDocument/documentSymbol')) ?? [])) {
    checkRange(document, symbol.range, `symbol ${symbol.name}`);
    checkRange(document, symbol.selectionRange, `symbol ${symbol.name} selection`);
  }
  for (const fold of (await ask('textDocument/foldingRange')) ?? []) check(fold.startLine >= 0 && fold.startLine <= fold.endLine && fold.endLine < document.lineCount, `fold ${fold.startLine}-${fold.endLine} of ${document.lineCount} lines`);
  // A delta against the tokens held (answered for some earlier version), applied to them: the full tokens.
  const delta = tokens ? await ask('textDocument/semanticTokens/full/delta', { previousResultId: tokens.resultId }) : undefined;
  const full = await ask('textDocument/semanticTokens/full');
  check(full, 'no semantic tokens for an open document');
  checkTokens(document, full.data, 'semantic tokens');
  if (delta) {
    const data = delta.edits ? applyTokenEdits(tokens.data, delta.edits) : delta.data;
    check(JSON.stringify(data) === JSON.stringify(full.data), `semantic tokens delta (${delta.edits ? 'edits' : 'full'}) differs from the full tokens`);
  }
  for (let i = 0; i < 8; i++) {
    const hover = await ask('textDocument/hover', { position: randomPosition(rng, document) });
    if (hover?.range) checkRange(document, hover.range, 'hover');
  }
  const formatting = await ask('textDocument/formatting', { options: { tabSize: 4, insertSpaces: true } });
  const formatted = applyChecked(document, formatting ?? [], 'formatting');
  const expected = core.fixAll(text, core.defaultSettings);
  check(formatted === expected, 'Format Document differs from the core’s fix-all');
  // Code actions over random ranges and over everything, with the diagnostics there; each edit applied.
  const ranges = [{ start: { line: 0, character: 0 }, end: document.positionAt(text.length) }, randomRange(rng, document), randomRange(rng, document)];
  for (const range of ranges) {
    const start = document.offsetAt(range.start);
    const end = document.offsetAt(range.end);
    const here = diagnostics.filter((d) => document.offsetAt(d.range.end) >= start && document.offsetAt(d.range.start) <= end).slice(0, 200);
    const actions = (await ask('textDocument/codeAction', { range, context: { diagnostics: here } })) ?? [];
    for (let action of actions.slice(0, 30)) {
      if (!action.edit && action.data !== undefined) action = (await server.request('codeAction/resolve', action)).result ?? action;
      const edits = action.edit?.changes?.[uri];
      if (!edits) continue;
      const after = applyChecked(document, edits, `code action “${action.title}”`);
      check(keepsEssentials(text, after), `code action “${action.title}” drops or moves text`);
    }
  }
  check(server.errors.length === 0, `the server logged a failure: ${server.errors[0]?.slice(0, 300)}`);
  check(!server.exited, 'the server exited');
}

function flatten(symbols) {
  return symbols.flatMap((symbol) => [symbol, ...flatten(symbol.children ?? [])]);
}


const reals = realTexts();
const deadline = Date.now() + args.minutes * 60_000;
let server = new Server();
await server.initialize();
const failures = new Map();
let cases = 0;
for (let n = 0; n < args.cases && Date.now() < deadline; n++) {
  const rng = random(args.seed * 1_000_003 + n);
  const log = [];
  cases++;
  try {
    await runCase(server, rng, n, log);
  } catch (error) {
    const kind = String(error.message).split('\n')[0].replace(/\d+/g, 'N').slice(0, 160);
    failures.set(kind, (failures.get(kind) ?? 0) + 1);
    if (failures.get(kind) === 1) {
      console.log(`case ${n} (seed ${args.seed}): ${error.message.slice(0, 500)}`);
      fs.mkdirSync(args.out, { recursive: true });
      const file = path.join(args.out, `lsp-s${args.seed}-c${n}.json`);
      fs.writeFileSync(file, JSON.stringify({ seed: args.seed, case: n, error: error.message, log, stderr: server.stderr.slice(-2000), errors: server.errors }, null, 1));
      console.log(`  → ${file}`);
    }
    // A fresh server for the next case: this one may be stuck or gone.
    server.child.kill();
    server = new Server();
    await server.initialize();
  }
  if (n % 25 === 24) console.log(`${n + 1} cases, ${failures.size} kinds of failure`);
}
await server.stop();
console.log(`done: ${cases} cases (seed ${args.seed})`);
for (const [kind, count] of failures) console.log(`  ${count}× ${kind}`);
process.exitCode = failures.size > 0 ? 1 : 0;
