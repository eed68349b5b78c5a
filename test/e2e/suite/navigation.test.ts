// Finding one's way: the outline (document symbols), hovers on figures, folding.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { analyze, defaultSettings } from '../../../server/src/core';
import { SAMPLE_RAW, closeAllEditors, openSample, readText } from './helpers';

const SECTIONS = ['信号一', '信号二', '信号三', '信号四', '信号五', '信号六'];

function flatten(symbols: readonly vscode.DocumentSymbol[], depth = 0): Array<{ name: string; depth: number; symbol: vscode.DocumentSymbol }> {
  return symbols.flatMap((symbol) => [{ name: symbol.name, depth, symbol }, ...flatten(symbol.children, depth + 1)]);
}

describe('navigating the sample article', () => {
  const raw = readText(SAMPLE_RAW);
  const analysis = analyze(raw, defaultSettings);
  let document: vscode.TextDocument;

  before(async () => {
    document = (await openSample(analysis.problems.length)).document;
  });
  after(closeAllEditors);

  it('colours the title, the signal labels and the figures by meaning (semantic tokens)', async () => {
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', document.uri);
    const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', document.uri);
    assert.ok(legend && tokens, 'the server provides semantic tokens');
    const lines = raw.split('\n');
    const decoded: Array<[string, string]> = [];
    let line = 0;
    let character = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
      line += tokens.data[i];
      character = tokens.data[i] === 0 ? character + tokens.data[i + 1] : tokens.data[i + 1];
      decoded.push([legend.tokenTypes[tokens.data[i + 3]], lines[line].slice(character, character + tokens.data[i + 2])]);
    }
    assert.deepEqual(decoded[0], ['articleTitle', '全国网络安全和信息化工作会议释放六大重要信号']);
    assert.deepEqual(decoded.filter(([type]) => type === 'articleLabel').map(([, text]) => text), SECTIONS);
    assert.ok(decoded.some(([type, text]) => type === 'number' && text === '32.9%'), 'the figure 32.9%');
  });

  it('outlines the title with 信号一 … 信号六 under it, each with its title', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    assert.ok(symbols && symbols.length > 0, 'document symbols');
    assert.equal(symbols[0].name, '全国网络安全和信息化工作会议释放六大重要信号');
    const children = symbols[0].children.map((child) => child.name);
    const sections = children.filter((name) => /^信号[一二三四五六]/.test(name));
    assert.deepEqual(sections.map((name) => name.slice(0, 3)), SECTIONS);
    assert.ok(sections.slice(1).every((name) => name.length > 3), `sections 二…六 carry their titles: ${sections.join(' / ')}`);
    assert.ok(children.includes('信号二  树立正确的网络安全观') || children.some((n) => n.startsWith('信号二') && n.includes('树立正确的网络安全观')));
    // The editor shows the core's outline entry for entry, in order (the server may add groups, such as the people quoted).
    const shown = flatten(symbols).map((s) => s.name);
    let at = 0;
    for (const entry of analysis.outline) {
      const found = shown.indexOf(entry.name || '…', at);
      assert.ok(found >= 0, `outline entry “${entry.name}” in order among: ${shown.join(' / ')}`);
      at = found + 1;
    }
    for (const { symbol } of flatten(symbols)) {
      const line = document.getText(symbol.selectionRange);
      assert.ok(line.length > 0 && symbol.range.contains(symbol.selectionRange));
    }
  });

  it('hovers a figure with its value: 27.2万亿元, split over two lines', async () => {
    const figure = analysis.figures.find((f) => f.text === '27.2万亿元');
    assert.ok(figure, 'the core finds 27.2万亿元');
    const [start] = figure.ranges[0];
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(start + 1));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /27\.2万亿元/);
    assert.ok(figure.value !== null && text.includes(figure.value.toLocaleString('en-US')), `the value ${figure.value} in: ${text}`);
    const range = hovers.find((h) => h.range)?.range;
    assert.ok(range && document.getText(range).length > 0 && range.contains(document.positionAt(start + 1)));
  });

  it('has no hover on plain text', async () => {
    const position = document.positionAt(raw.indexOf('网络强国战略思想形成') + 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    assert.equal(hovers.filter((h) => h.contents.length > 0).length, 0);
  });

  it('folds every section and multi-line paragraph the server finds', async () => {
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', document.uri);
    assert.ok(ranges && ranges.length > 0, 'folding ranges');
    const shown = new Set(ranges.map((r) => `${r.start}-${r.end}`));
    const lineOf = (offset: number) => document.positionAt(offset).line;
    // The first paragraph (全国网络安全…召开。… 提供了根本遵循。) is wrapped over several lines.
    assert.ok(ranges.some((r) => r.start === lineOf(raw.indexOf('全国网络安全和信息化工作会议 20')) && r.end > r.start), 'a fold for the first paragraph');
    // VS Code drops folds that cross each other; the server's section folds must all survive.
    const sections = analysis.folds.filter((r) => r.kind === 'region');
    assert.ok(sections.length >= 5, `section folds: ${sections.length}`);
    for (const r of sections) assert.ok(shown.has(`${r.startLine}-${r.endLine}`), `the section fold ${r.startLine + 1}-${r.endLine + 1} is shown`);
    const regions = ranges.filter((r) => r.kind === vscode.FoldingRangeKind.Region);
    assert.equal(regions.length, sections.length);
  });
});
