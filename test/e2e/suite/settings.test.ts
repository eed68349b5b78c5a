// Settings and commands: diagnostics follow `article.rules`; the server restarts; the manifest speaks two languages.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
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

  it('checks a .article-lint.json against its schema: a misspelt rule id is flagged in the editor', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lint-e2e-config-'));
    const file = path.join(folder, '.article-lint.json');
    fs.writeFileSync(file, '{\n  "rules": { "brokn-word": "off", "broken-line": "error" }\n}\n');
    const config = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(config);
    const flagged = await new Promise<vscode.Diagnostic[]>((resolve, reject) => {
      const found = () => vscode.languages.getDiagnostics(config.uri).filter((d) => config.getText(d.range).includes('brokn-word'));
      if (found().length > 0) return resolve(found());
      const subscription = vscode.languages.onDidChangeDiagnostics(() => {
        if (found().length === 0) return;
        clearTimeout(timer);
        subscription.dispose();
        resolve(found());
      });
      const timer = setTimeout(() => {
        subscription.dispose();
        reject(new Error(`no schema diagnostic on brokn-word; seen: ${JSON.stringify(vscode.languages.getDiagnostics(config.uri).map((d) => d.message))}`));
      }, 20_000);
    });
    assert.equal(flagged.length, 1);
    // The valid rule id next to it is not flagged.
    assert.ok(!vscode.languages.getDiagnostics(config.uri).some((d) => config.getText(d.range).includes('broken-line')));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('speaks VS Code’s display language in diagnostics and quick fixes', async () => {
    // The runner's zh-cn pass sets E2E_LANGUAGE, so a workbench that ignored --locale cannot pass unnoticed.
    if (process.env.E2E_LANGUAGE) assert.equal(vscode.env.language.toLowerCase(), process.env.E2E_LANGUAGE);
    const chinese = vscode.env.language.toLowerCase().startsWith('zh');
    const space = initial.find((d) => ruleOf(d) === RULE)!;
    // The stray-space message: “Remove the space after “。”” or “删除“。”后的空格”.
    assert.match(space.message, chinese ? /^删除“.”(前|后)的空格$|^删除“.”和“.”之间的空格$/ : /^Remove the space (before|after|between) “/, `${vscode.env.language}: ${space.message}`);
    const actions = await retriedIfCanceled(() =>
      vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, space.range, vscode.CodeActionKind.QuickFix.value),
    );
    assert.ok(actions.length > 0);
    for (const action of actions) assert.match(action.title, chinese ? /[\u4e00-\u9fff]/ : /^[A-Z]/, action.title);
  });

  it('localises every manifest string in English and Simplified Chinese', () => {
    const manifest = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
    const keys = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length >= 8, 'the manifest uses %keys%');
    for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const strings = JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, string>;
      for (const key of keys) assert.ok(typeof strings[key] === 'string' && strings[key].length > 0, `${file}: ${key}`);
    }
    // VS Code resolved the manifest's %keys% in its display language (titles may come as { value, original }).
    const extension = vscode.extensions.getExtension('article-lint.article-lint')!;
    const commands = extension.packageJSON.contributes.commands as Array<{ command: string; title: string | { value: string } }>;
    const title = commands.find((c) => c.command === 'article.fixAll')?.title;
    const shown = typeof title === 'string' ? title : title?.value;
    const file = vscode.env.language.toLowerCase().startsWith('zh') ? 'package.nls.zh-cn.json' : 'package.nls.json';
    const strings = JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, string>;
    assert.equal(shown, strings['command.fixAll'], `${vscode.env.language}: the Fix all command's title`);
  });
});

/**
 * The workbench may cancel a provider request it started itself (seen once on a loaded machine, right after
 * the workbench started, with no edit and no server error); asking again is what the lightbulb does. Any
 * other failure, or a third cancellation, fails the test.
 */
async function retriedIfCanceled<T>(ask: () => Thenable<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ask();
    } catch (error) {
      if (attempt === 3 || !(error instanceof Error) || error.message !== 'Canceled') throw error;
    }
  }
}
