// Latency of the real language server (dist/server.js --stdio), measured from the client's side.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { ROOT } from './texts.mjs';

const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node');
const RULE_DOCS_BASE = `${pathToFileURL(path.join(ROOT, 'docs', 'rules')).href}/`;

export class BenchServer {
  /**
   * `nodeArgs`: options for the server's node process (e.g. --heapsnapshot-signal=SIGUSR2); `serverPath`: the
   * server bundle to run (this checkout's dist/server.js by default; another build's, to compare with it).
   */
  static async start(nodeArgs = [], serverPath = path.join(ROOT, 'dist', 'server.js')) {
    const server = new BenchServer(nodeArgs, serverPath);
    await server.initialize();
    return server;
  }

  constructor(nodeArgs = [], serverPath = path.join(ROOT, 'dist', 'server.js')) {
    this.child = spawn(process.execPath, [...nodeArgs, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr.on('data', () => undefined);
    this.connection = rpc.createMessageConnection(
      new rpc.StreamMessageReader(this.child.stdout),
      new rpc.StreamMessageWriter(this.child.stdin),
    );
    this.waiters = [];
    this.rulePages = new Map();
    this.connection.onNotification('textDocument/publishDiagnostics', (params) => {
      // What the extension's client does with each diagnostic it is sent (client/src/client.ts
      // diagnosticCompleter): the server leaves out what the client adds from the code.
      for (const diagnostic of params.diagnostics) {
        diagnostic.source ??= 'article';
        if (typeof diagnostic.code === 'string') diagnostic.codeDescription ??= { href: this.rulePage(diagnostic.code) };
      }
      const index = this.waiters.findIndex((w) => w.uri === params.uri && (w.version === undefined || w.version === params.version));
      if (index >= 0) this.waiters.splice(index, 1)[0].resolve(params.diagnostics);
    });
    this.connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({})));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onNotification('window/showMessage', () => undefined);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.listen();
  }

  rulePage(ruleId) {
    let page = this.rulePages.get(ruleId);
    if (!page) this.rulePages.set(ruleId, (page = `${RULE_DOCS_BASE}${ruleId}.md`));
    return page;
  }

  async initialize() {
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      // As the extension's client says (client/src/client.ts): where the rule pages are, and that it adds
      // each diagnostic's source and rule page itself.
      initializationOptions: { ruleDocsBase: RULE_DOCS_BASE, completesDiagnostics: true },
      // As VS Code declares: code action edits may be resolved later.
      capabilities: {
        workspace: { configuration: true },
        textDocument: { publishDiagnostics: { versionSupport: true }, codeAction: { resolveSupport: { properties: ['edit'] } } },
      },
    });
    await this.connection.sendNotification('initialized', {});
  }

  diagnostics(uri, version) {
    return new Promise((resolve) => this.waiters.push({ uri, version, resolve }));
  }

  async open(uri, text, version = 1) {
    const published = this.diagnostics(uri, version);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'article', version, text } });
    return published;
  }

  async change(uri, version, range, text) {
    const published = this.diagnostics(uri, version);
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    });
    return published;
  }

  close(uri) {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request(method, params) {
    return this.connection.sendRequest(method, params);
  }

  /** Resident and peak resident memory of the server process, in MB (Linux /proc). */
  memory() {
    try {
      const status = fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const field = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN) / 1024;
      return { rssMb: field('VmRSS'), peakMb: field('VmHWM') };
    } catch {
      return { rssMb: NaN, peakMb: NaN };
    }
  }

  async stop() {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    await this.connection.sendRequest('shutdown').catch(() => undefined);
    await this.connection.sendNotification('exit').catch(() => undefined);
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000))]);
    this.child.kill();
    this.connection.dispose();
  }
}

/** Times `count` runs of `action(i)`, returning p50 and p95 in milliseconds. */
export async function timeRuns(count, action) {
  const times = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await action(i);
    times.push(performance.now() - started);
  }
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), n: count };
}

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p + 0.5))];
}

/** Line and character of a UTF-16 offset. */
export function positionAt(text, offset) {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}
