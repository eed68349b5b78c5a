// A label the extractor moved to the end of the page, in a real VS Code: the displaced-label diagnostic,
// its quick fix, and the Outline's section for the moved label.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { article, LABELS, TITLES } from '../../labelPlacements';
import { closeAllEditors, diagnosticsWhen, openArticle, ruleOf } from './helpers';

describe('labels the extractor moved', () => {
  after(closeAllEditors);

  it('flags each label at the end of the page, moves one above its title with the quick fix, and the Outline shows its section there', async () => {
    const document = (await openArticle(article('end'))).document;
    const displaced = (diagnostics: readonly vscode.Diagnostic[]) => diagnostics.filter((d) => ruleOf(d) === 'displaced-label');
    const before = displaced(await diagnosticsWhen(document.uri, (d) => displaced(d).length === LABELS.length, 'three displaced-label diagnostics'));
    assert.deepEqual(before.map((d) => document.getText(d.range)), LABELS);
    const first = before[0];
    assert.deepEqual(first.relatedInformation?.map((related) => document.getText(related.location.range)), [TITLES[0]]);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', document.uri, first.range, vscode.CodeActionKind.QuickFix.value);
    // Its title quotes the diagnostic's message, which names the label and its title.
    const quickFix = actions.find((action) => action.isPreferred && action.edit && action.title.includes(TITLES[0]));
    assert.ok(quickFix?.edit, `a quick fix for 信号一 among: ${actions.map((action) => action.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(quickFix.edit));
    await diagnosticsWhen(document.uri, (d) => displaced(d).length === LABELS.length - 1, 'two displaced-label diagnostics left');

    const titleLine = document.getText().split('\n').indexOf(TITLES[0]);
    assert.equal(document.lineAt(titleLine - 2).text, LABELS[0], '信号一 stands above its title, one blank line between');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    const section = symbols[0].children.find((child) => child.name === `${LABELS[0]}  ${TITLES[0]}`);
    assert.ok(section, `the Outline shows 信号一 with its title among: ${symbols[0].children.map((c) => c.name).join(' / ')}`);
    assert.equal(section.selectionRange.start.line, titleLine - 2, 'the section is declared on the moved label');
    assert.ok(section.range.contains(document.lineAt(titleLine).range), 'and spans its title');
  });
});
