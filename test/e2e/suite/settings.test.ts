// Settings and commands: diagnostics follow `article.rules`; the server restarts; the manifest speaks two languages.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SAMPLE_RAW, ROOT, closeAllEditors, countByRule, diagnosticsWhen, openArticle, readText, ruleOf } from './helpers';

const RULE = 'space-around-punctuation';

describe('settings and commands', () => {
  let document: vscode.TextDocument;
  let initial: vscode.Diagnostic[];

  before(async () => {
    document = (await openArticle(readText(SAMPLE_RAW))).document;
    initial = await diagnosticsWhen(document.uri, (d) => d.some((x) => ruleOf(x) === RULE), `${RULE} diagnostics`);
  });
  after(async () => {
    await vscode.workspace.getConfiguration('article').update('rules', undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
  });

  it(`turning ${RULE} off removes its diagnostics and nothing else; turning it back on restores them`, async () => {
    const config = vscode.workspace.getConfiguration('article');
    await config.update('rules', { [RULE]: 'off' }, vscode.ConfigurationTarget.Global);
    const off = await diagnosticsWhen(document.uri, (d) => !d.some((x) => ruleOf(x) === RULE), `no ${RULE}`);
    const { [RULE]: removed, ...others } = countByRule(initial);
    assert.ok(removed > 0);
    assert.deepEqual(countByRule(off), others);

    await config.update('rules', { [RULE]: 'error' }, vscode.ConfigurationTarget.Global);
    const back = await diagnosticsWhen(document.uri, (d) => d.some((x) => ruleOf(x) === RULE && x.severity === vscode.DiagnosticSeverity.Error), `${RULE} as errors`);
    assert.deepEqual(countByRule(back), countByRule(initial));
  });

  it('registers its commands, and article.restartServer brings the diagnostics back', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['article.fixAll', 'article.restartServer', 'article.showOutput']) assert.ok(commands.includes(id), id);
    await vscode.commands.executeCommand('article.restartServer');
    const { client } = await vscode.extensions.getExtension<{ client: { isRunning(): boolean } }>('article-lint.article-lint')!.activate();
    assert.equal(client.isRunning(), true);
    const after = await diagnosticsWhen(document.uri, (d) => d.length > 0, 'diagnostics after restart');
    assert.ok(after.length > 0);
  });

  it('localises every manifest string in English and Simplified Chinese', () => {
    const manifest = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
    const keys = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length >= 8, 'the manifest uses %keys%');
    for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const strings = JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, string>;
      for (const key of keys) assert.ok(typeof strings[key] === 'string' && strings[key].length > 0, `${file}: ${key}`);
    }
    const zh = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.zh-cn.json'), 'utf8')) as Record<string, string>;
    assert.match(zh['command.fixAll'], /[\u4e00-\u9fff]/);
    // VS Code resolved the manifest's %keys% (in whatever display language it runs).
    const extension = vscode.extensions.getExtension('article-lint.article-lint')!;
    const fixAllCommand = (extension.packageJSON.contributes.commands as Array<{ command: string; title: string }>).find((c) => c.command === 'article.fixAll');
    assert.ok(fixAllCommand && !fixAllCommand.title.startsWith('%'), `resolved title: ${fixAllCommand?.title}`);
  });
});
