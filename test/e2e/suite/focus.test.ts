// A document with more problems than article.maxProblems: VS Code shows those where the user looks.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SAMPLE_RAW, closeAllEditors, diagnosticsWhen, openArticle, readText } from './helpers';

describe('problems past article.maxProblems', () => {
  const LIMIT = 60;

  before(async () => {
    await vscode.workspace.getConfiguration('article').update('maxProblems', LIMIT, vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    await vscode.workspace.getConfiguration('article').update('maxProblems', undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
  });

  it('shows those at the top first, then those in view after scrolling to the end', async () => {
    const text = Array.from({ length: 8 }, () => readText(SAMPLE_RAW)).join('\n');
    const editor = await openArticle(text);
    const { document } = editor;
    const lastLine = document.lineCount - 1;
    const top = await diagnosticsWhen(document.uri, (d) => d.length === LIMIT, `${LIMIT} diagnostics`);
    assert.ok(top.every((d) => d.range.start.line < lastLine / 2), `first shown at line ${top[0].range.start.line}`);

    editor.revealRange(new vscode.Range(lastLine, 0, lastLine, 0), vscode.TextEditorRevealType.AtTop);
    const bottom = await diagnosticsWhen(
      document.uri,
      (d) => d.length === LIMIT && d.some((x) => x.range.start.line > lastLine - 200),
      'diagnostics near the end of the document',
    );
    assert.ok(bottom.every((d) => d.range.start.line > lastLine / 2), `shown from line ${bottom[0].range.start.line}`);
  });
});
