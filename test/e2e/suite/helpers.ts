// What the end-to-end tests share: the fixtures, the extension's API, and waiting for diagnostics by event.

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

/** The repository root: this file is bundled to out/e2e/suite/<name>.test.js. */
export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const SAMPLE_RAW = path.join(ROOT, 'test', 'fixtures', 'sample', 'sample.raw.article');
export const SAMPLE_FIXED = path.join(ROOT, 'test', 'fixtures', 'sample', 'sample.fixed.article');
const EXTENSION_ID = 'article-lint.article-lint';
/** A bound on every wait, so a missing event fails the test instead of hanging the run. */
const WAIT_MS = 20_000;

export function readText(file: string): string {
  return fs.readFileSync(file, 'utf8');
}

export async function extensionApi(): Promise<{ client: LanguageClient }> {
  const extension = vscode.extensions.getExtension<{ client: LanguageClient }>(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  return extension.activate();
}

/** Opens an untitled article holding `text` (edits never touch the fixtures on disk). */
export async function openArticle(text: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'article', content: text });
  return vscode.window.showTextDocument(document);
}

/**
 * Opens the sample from disk and returns once the extension is active and the server has published
 * `expected` diagnostics for it, so every provider is registered and the document analysed.
 */
export async function openSample(expected: number): Promise<{ document: vscode.TextDocument; diagnostics: vscode.Diagnostic[] }> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(SAMPLE_RAW));
  await vscode.window.showTextDocument(document);
  await extensionApi();
  const diagnostics = await diagnosticsWhen(document.uri, (d) => d.length === expected, `${expected} diagnostics`);
  return { document, diagnostics };
}

export function articleDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'article');
}

export function ruleOf(diagnostic: vscode.Diagnostic): string {
  const { code } = diagnostic;
  return String(typeof code === 'object' && code !== null ? code.value : code);
}

export function countByRule(diagnostics: readonly vscode.Diagnostic[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const diagnostic of diagnostics) counts[ruleOf(diagnostic)] = (counts[ruleOf(diagnostic)] ?? 0) + 1;
  return counts;
}

/**
 * Resolves with the document's diagnostics once `accept` takes them: checked now, then on every
 * onDidChangeDiagnostics event for the document. Rejects after WAIT_MS with what was last seen.
 */
export function diagnosticsWhen(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    let last = articleDiagnostics(uri);
    if (accept(last)) return resolve(last);
    let changes = 0;
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === uri.toString())) return;
      changes++;
      last = articleDiagnostics(uri);
      if (!accept(last)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(last);
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      // What a rare timeout needs to be told apart: which document, how many changes came, and which
      // documents the editor still holds (an untitled URI is reused once its document is closed).
      const documents = vscode.workspace.textDocuments.map((d) => `${d.uri.toString()} (${d.getText().length} chars${d.isClosed ? ', closed' : ''})`);
      reject(
        new Error(
          `timed out waiting for ${what} on ${uri.toString()}; ${changes} changes seen; last diagnostics by rule: ${JSON.stringify(countByRule(last))}; open documents: ${documents.join(', ')}`,
        ),
      );
    }, WAIT_MS);
  });
}

/** Waits until the diagnostics differ from `before` (by count per rule) and returns them. */
export function diagnosticsChangedFrom(uri: vscode.Uri, before: readonly vscode.Diagnostic[], what: string) {
  const key = (diagnostics: readonly vscode.Diagnostic[]) =>
    diagnostics.map((d) => `${ruleOf(d)}@${d.range.start.line}:${d.range.start.character}`).join('|');
  const previous = key(before);
  return diagnosticsWhen(uri, (now) => key(now) !== previous, what);
}

/**
 * Closes every editor without saving (edited untitled copies would otherwise ask to be saved), then waits
 * until the server has cleared the closed untitled copies' diagnostics (it publishes none for a document on
 * its didClose). The next copy may be given the same name (Untitled-1): until that clearing arrives, it would
 * show the closed copy's diagnostics, and a code action asked for one of them would find none a moment later.
 */
export async function closeAllEditors(): Promise<void> {
  const copies = vscode.workspace.textDocuments.filter((document) => document.uri.scheme === 'untitled' && document.languageId === 'article');
  for (let i = 0; i < 50 && vscode.window.visibleTextEditors.length > 0; i++) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await Promise.all(copies.map((copy) => diagnosticsWhen(copy.uri, (diagnostics) => diagnostics.length === 0, `${copy.uri.toString()} closed, its diagnostics cleared`)));
}

/** Applies LSP-style text edits (as returned by a provider) to the document. */
export async function applyTextEdits(uri: vscode.Uri, edits: readonly vscode.TextEdit[]): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.set(uri, [...edits]);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error('workspace edit was refused');
}
