// Fixing in the editor: one quick fix, all of a rule, source.fixAll.article, the command, Format Document.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { analyze, defaultSettings, fixAll } from '../../../server/src/core';
import {
  SAMPLE_FIXED,
  SAMPLE_RAW,
  applyTextEdits,
  closeAllEditors,
  countByRule,
  diagnosticsWhen,
  openArticle,
  readText,
  ruleOf,
} from './helpers';

const raw = readText(SAMPLE_RAW);
const fixed = readText(SAMPLE_FIXED);
/** What the core's fix all makes of the sample: the editor must end with exactly this. */
const coreFixed = fixAll(raw, defaultSettings);
const expectedCount = (text: string) => analyze(text, defaultSettings).problems.length;
const withoutWhitespace = (text: string) => text.replace(/\s+/g, '');
/** The titles of "turn this rule off" (for the line or the document), in English or Chinese. */
const TURN_OFF = /^Turn off|^在本文档中关闭|^在此行关闭/;
const FOR_DOCUMENT = /for this document$|^在本文档中关闭/;

/** Opens an untitled copy of the raw sample and waits for its diagnostics. */
async function openRawCopy() {
  const editor = await openArticle(raw);
  const diagnostics = await diagnosticsWhen(editor.document.uri, (d) => d.length === expectedCount(raw), 'the sample’s diagnostics');
  return { editor, document: editor.document, diagnostics };
}

function fullRange(document: vscode.TextDocument): vscode.Range {
  return new vscode.Range(new vscode.Position(0, 0), document.lineAt(document.lineCount - 1).range.end);
}

describe('fixing the sample in the editor', () => {
  afterEach(closeAllEditors);

  it('a quick fix removes the space after “召开。” and its diagnostic', async () => {
    const { document, diagnostics } = await openRawCopy();
    const space = document.positionAt(raw.indexOf('召开。 习近平') + '召开。'.length);
    const target = diagnostics.find((d) => ruleOf(d) === 'space-around-punctuation' && d.range.start.isEqual(space));
    assert.ok(target, `a stray space at line ${space.line + 1}`);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', document.uri, target.range, vscode.CodeActionKind.QuickFix.value);
    const quickFix = actions.find((a) => a.isPreferred && a.edit);
    assert.ok(quickFix?.edit, `a preferred quick fix among: ${actions.map((a) => a.title).join(' | ')}`);
    const edits = quickFix.edit.get(document.uri);
    assert.equal(edits.length, 1);
    assert.ok(edits[0].range.isEqual(target.range) && edits[0].newText === '', `deletes just the space: ${JSON.stringify(edits)}`);
    assert.ok(await vscode.workspace.applyEdit(quickFix.edit));

    const offset = document.offsetAt(target.range.start);
    assert.equal(document.getText(), raw.slice(0, offset) + raw.slice(offset + 1));
    const after = await diagnosticsWhen(document.uri, (d) => d.length === diagnostics.length - 1, 'one diagnostic fewer');
    assert.equal(countByRule(after)['space-around-punctuation'], countByRule(diagnostics)['space-around-punctuation'] - 1);
  });

  it('“fix all of this rule” clears that rule and only removes whitespace', async () => {
    const { document, diagnostics } = await openRawCopy();
    const target = diagnostics.find((d) => ruleOf(d) === 'space-around-punctuation')!;
    // Document-wide fixes carry their edit only once resolved (codeAction/resolve): ask VS Code to resolve them.
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', document.uri, target.range, vscode.CodeActionKind.QuickFix.value, 10);
    // Its title names the rule in either language (“space-around-punctuation”).
    const ruleFix = actions.find((a) => a.edit && !a.isPreferred && a.title.includes('“space-around-punctuation”') && !TURN_OFF.test(a.title));
    assert.ok(ruleFix?.edit, `a fix-all-of-rule action among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(ruleFix.edit));

    const after = await diagnosticsWhen(document.uri, (d) => !d.some((x) => ruleOf(x) === 'space-around-punctuation'), 'no stray spaces');
    assert.ok(after.length > 0, 'the other rules still report');
    assert.equal(withoutWhitespace(document.getText()), withoutWhitespace(raw));
  });

  it('“turn off this rule for the document” puts a directive on top and the rule goes quiet', async () => {
    const { document, diagnostics } = await openRawCopy();
    const target = diagnostics.find((d) => ruleOf(d) === 'broken-word')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', document.uri, target.range, vscode.CodeActionKind.QuickFix.value);
    const turnOff = actions.find((a) => a.edit && FOR_DOCUMENT.test(a.title) && a.title.includes('“broken-word”'));
    assert.ok(turnOff?.edit, `a turn-off action among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(turnOff.edit));
    assert.ok(document.getText().startsWith('<!-- article-lint-disable broken-word -->'), document.getText().slice(0, 80));
    const after = await diagnosticsWhen(document.uri, (d) => !d.some((x) => ruleOf(x) === 'broken-word'), 'no broken-word problems');
    assert.equal(after.filter((d) => ruleOf(d) === 'space-around-punctuation').length, diagnostics.filter((d) => ruleOf(d) === 'space-around-punctuation').length);
  });

  it('source.fixAll.article turns the sample into the expected fixed article', async () => {
    const { document } = await openRawCopy();
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', document.uri, fullRange(document), 'source.fixAll.article', 1);
    const fixAllAction = actions.find((a) => a.kind?.value === 'source.fixAll.article');
    assert.ok(fixAllAction?.edit, 'a source.fixAll.article action with an edit');
    assert.ok(await vscode.workspace.applyEdit(fixAllAction.edit));

    assert.equal(document.getText(), coreFixed, 'the same text as the core’s fix all');
    // The product's promise for the sample, byte for byte.
    assert.equal(document.getText(), fixed, 'sample.fixed.article');
    await diagnosticsWhen(document.uri, (d) => d.length === expectedCount(coreFixed), 'the fixed article’s diagnostics');
  });

  it('the article.fixAll command fixes the active editor', async () => {
    const { document } = await openRawCopy();
    await vscode.commands.executeCommand('article.fixAll');
    assert.equal(document.getText(), coreFixed);
  });

  it('Format Document (provider and editor command) gives the clean article', async () => {
    const { document } = await openRawCopy();
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>(
      'vscode.executeFormatDocumentProvider', document.uri, { tabSize: 4, insertSpaces: true });
    assert.ok(edits.length > 0, 'formatting edits');
    await applyTextEdits(document.uri, edits);
    assert.equal(document.getText(), coreFixed);
    await closeAllEditors();

    const second = await openRawCopy();
    await vscode.commands.executeCommand('editor.action.formatDocument');
    assert.equal(second.document.getText(), coreFixed);
  });
});
