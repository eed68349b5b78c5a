// The extension's browser build in VS Code's web worker extension host: the same answers as the core
// (bundled in) for the sample, over the server in its own web worker.

import * as vscode from 'vscode';
import { analyze, defaultSettings, mergeSettings } from '../../../server/src/core';
import SAMPLE from '../../fixtures/sample/sample.raw.article';
import SAMPLE_FIXED from '../../fixtures/sample/sample.fixed.article';
import * as assert from './expect';

const SECTIONS = ['信号一', '信号二', '信号三', '信号四', '信号五', '信号六'];
const WAIT_MS = 20_000;

const ruleOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' && d.code !== null ? d.code.value : d.code);
const key = (rule: string, r: vscode.Range) => `${rule} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

/**
 * A command asking the providers (code actions, formatting), asked again when VS Code cancels it: it
 * cancels such a request itself when the set of providers changes meanwhile (a built-in extension of the
 * web host activating), as the lightbulb would simply ask again. Any other failure is the test's.
 */
async function askProviders<T>(command: string, ...args: unknown[]): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await vscode.commands.executeCommand<T>(command, ...args);
    } catch (error) {
      if (attempt === 3 || !(error instanceof Error) || error.name !== 'Canceled') throw error;
    }
  }
}

function diagnosticsWhen(uri: vscode.Uri, count: number): Promise<vscode.Diagnostic[]> {
  const current = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'article');
  return new Promise((resolve, reject) => {
    if (current().length === count) return resolve(current());
    const subscription = vscode.languages.onDidChangeDiagnostics(() => {
      if (current().length !== count) return;
      subscription.dispose();
      clearTimeout(timer);
      resolve(current());
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out waiting for ${count} diagnostics on ${uri.toString()}; have ${current().length}`));
    }, WAIT_MS);
  });
}

describe('the browser build in the web worker extension host', () => {
  const expected = analyze(SAMPLE, defaultSettings).problems;
  const root = () => vscode.workspace.workspaceFolders![0].uri;
  let document: vscode.TextDocument;
  let diagnostics: vscode.Diagnostic[];

  before(async () => {
    document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(root(), 'sample.article'));
    await vscode.window.showTextDocument(document);
    diagnostics = await diagnosticsWhen(document.uri, expected.length);
  });

  it('runs here, in a web worker host, with the server in a worker of its own', async () => {
    assert.equal(typeof (globalThis as { process?: unknown }).process, 'undefined', 'no Node process object in this host');
    const extension = vscode.extensions.getExtension('article-lint.article-lint');
    assert.ok(extension, 'the extension is loaded');
    // Its exports reach only code in the same extension host: the extension runs here, not on the server.
    const api = (await extension.activate()) as { client?: { isRunning(): boolean }; serverWorkerSource?: () => string } | undefined;
    assert.ok(api?.client?.isRunning(), 'the language client is running');
    assert.equal(api?.serverWorkerSource?.(), 'blob', 'code-server serves the extension from its remote: the worker starts from a blob of dist/web/server.js');
  });

  it('shows the core’s diagnostics, rule by rule and range by range, with source, code and doc link', () => {
    const shown = diagnostics.map((d) => key(ruleOf(d), d.range)).sort();
    const wanted = expected.map((p) => key(p.ruleId, new vscode.Range(document.positionAt(p.start), document.positionAt(p.end)))).sort();
    assert.deepEqual(shown, wanted);
    assert.equal(expected.filter((p) => p.ruleId === 'space-around-punctuation').length, 143);
    for (const d of diagnostics) {
      assert.equal(d.source, 'article');
      const code = d.code as { value: string; target: vscode.Uri };
      assert.ok(code.target.path.endsWith(`/docs/rules/${code.value}.md`), `doc link ${code.target.toString()}`);
    }
  });

  it('outlines the title with 信号一 … 信号六 under it', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    assert.ok(symbols && symbols.length > 0, 'document symbols');
    assert.equal(symbols[0].name, '全国网络安全和信息化工作会议释放六大重要信号');
    const sections = symbols[0].children.map((child) => child.name).filter((name) => /^信号[一二三四五六]/.test(name));
    assert.deepEqual(sections.map((name) => name.slice(0, 3)), SECTIONS);
  });

  it('shows the value of 27.2万亿元 (split over two lines) on hover', async () => {
    const figure = analyze(SAMPLE, defaultSettings).figures.find((f) => f.text === '27.2万亿元');
    assert.ok(figure, 'the core finds 27.2万亿元');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(figure.ranges[0][0] + 1));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.ok(text.includes('27.2万亿元') && text.includes('27,200,000,000,000'), `hover: ${text.slice(0, 200)}`);
  });

  it('colours the title and the labels by meaning (semantic tokens)', async () => {
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', document.uri);
    const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', document.uri);
    assert.ok(legend && tokens, 'semantic tokens');
    assert.equal(legend.tokenTypes[tokens.data[3]], 'articleTitle');
    let labels = 0;
    for (let i = 3; i < tokens.data.length; i += 5) if (legend.tokenTypes[tokens.data[i]] === 'articleLabel') labels++;
    assert.equal(labels, SECTIONS.length);
  });

  it('offers a quick fix per problem, and Format Document and source.fixAll give the fixed article', async () => {
    const space = diagnostics.find((d) => ruleOf(d) === 'space-around-punctuation')!;
    const actions = await askProviders<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, space.range, vscode.CodeActionKind.QuickFix.value);
    const quickFix = actions.find((a) => a.isPreferred && a.edit);
    assert.ok(quickFix?.edit, `a preferred quick fix among: ${actions.map((a) => a.title).join(' | ')}`);
    const fix = quickFix.edit.get(document.uri);
    assert.ok(fix.length === 1 && fix[0].range.isEqual(space.range) && fix[0].newText === '', `deletes just the space: ${JSON.stringify(fix)}`);
    // Fix all is asked for before the plaintext copy below is opened: VS Code cancels a code action request
    // (and returns no actions) when the set of code action providers changes meanwhile, which a built-in
    // extension activating for that plaintext document may do.
    const fixAll = await askProviders<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(0, 0, document.lineCount, 0), 'source.fixAll.article', 1);
    const described = fixAll.map((a) => `${a.kind?.value}: ${a.edit ? `${a.edit.size} file(s) edited` : 'no edit'}`).join(' | ');
    assert.ok(fixAll.some((a) => a.kind?.value === 'source.fixAll.article' && a.edit && a.edit.size > 0), `source.fixAll.article with its edit, among: ${described || 'no actions'}`);
    const edits = await askProviders<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', document.uri, { tabSize: 2, insertSpaces: true });
    const copy = await vscode.workspace.openTextDocument({ language: 'plaintext', content: SAMPLE });
    const edit = new vscode.WorkspaceEdit();
    edit.set(copy.uri, edits);
    assert.ok(await vscode.workspace.applyEdit(edit), 'the formatting edits apply');
    assert.equal(copy.getText(), SAMPLE_FIXED, 'Format Document gives samples’ fixed article');
  });

  it('reads .article-lint.json through the editor’s file system (desk/ turns space-around-punctuation off)', async () => {
    const desk = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(root(), 'desk', 'story.article'));
    await vscode.window.showTextDocument(desk);
    const settings = mergeSettings(defaultSettings, { rules: { 'space-around-punctuation': 'off' } });
    const want = analyze(SAMPLE, settings).problems;
    assert.ok(want.length < expected.length, 'the project file changes the problems');
    const shown = await diagnosticsWhen(desk.uri, want.length);
    assert.equal(shown.filter((d) => ruleOf(d) === 'space-around-punctuation').length, 0);
  });

  it('lints an untitled article too (no file system to look for .article-lint.json in)', async () => {
    const untitled = await vscode.workspace.openTextDocument({ language: 'article', content: SAMPLE });
    await diagnosticsWhen(untitled.uri, expected.length);
  });

  it('follows article.rules from the editor’s settings', async () => {
    const config = vscode.workspace.getConfiguration('article');
    await config.update('rules', { 'block-spacing': 'off' }, vscode.ConfigurationTarget.Workspace);
    try {
      const want = analyze(SAMPLE, mergeSettings(defaultSettings, { rules: { 'block-spacing': 'off' } })).problems;
      assert.ok(want.length < expected.length, 'the setting changes the problems');
      await diagnosticsWhen(document.uri, want.length);
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await diagnosticsWhen(document.uri, expected.length);
  });
});
