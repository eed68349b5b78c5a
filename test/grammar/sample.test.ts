// The grammar over the sample article (raw and fixed): what each role, figure and quotation is coloured as.
// Line-level cases live in article.test.article (run by vscode-tmgrammar-test).

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { ROOT, readFixture } from '../helpers';

interface Token {
  readonly line: number;
  readonly text: string;
  readonly scopes: readonly string[];
}

async function loadGrammar(): Promise<textmate.IGrammar> {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (s) => new oniguruma.OnigScanner(s), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async () =>
      textmate.parseRawGrammar(readFileSync(path.join(ROOT, 'syntaxes', 'article.tmLanguage.json'), 'utf8'), 'article.tmLanguage.json'),
  });
  const grammar = await registry.loadGrammar('text.article');
  if (!grammar) throw new Error('grammar text.article did not load');
  return grammar;
}

function tokenize(grammar: textmate.IGrammar, text: string): Token[] {
  const tokens: Token[] = [];
  let stack = textmate.INITIAL;
  text.split(/\r?\n/).forEach((line, index) => {
    const result = grammar.tokenizeLine(line, stack);
    for (const t of result.tokens) tokens.push({ line: index, text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes });
    stack = result.ruleStack;
  });
  return tokens;
}

const textsWith = (tokens: readonly Token[], scope: string) =>
  tokens.filter((t) => t.scopes.some((s) => s === scope || s.startsWith(`${scope}.`))).map((t) => t.text.trim());

describe('the grammar over the sample article', () => {
  let raw: Token[];
  let fixed: Token[];
  before(async () => {
    const grammar = await loadGrammar();
    raw = tokenize(grammar, readFixture('sample/sample.raw.article'));
    fixed = tokenize(grammar, readFixture('sample/sample.fixed.article'));
  });

  it('colours the first non-blank line, and only it, as the title', () => {
    for (const tokens of [raw, fixed]) {
      assert.deepEqual(textsWith(tokens, 'markup.heading.title'), ['全国网络安全和信息化工作会议释放六大重要信号']);
    }
  });

  it('marks the six box labels 信号一 … 信号六 and the byline', () => {
    for (const tokens of [raw, fixed]) {
      assert.deepEqual(textsWith(tokens, 'entity.name.section'), ['信号一', '信号二', '信号三', '信号四', '信号五', '信号六']);
      assert.deepEqual(textsWith(tokens, 'meta.byline'), ['据新华社']);
    }
  });

  it('marks the heading printed right after a label, and no body text as a heading', () => {
    const headings = textsWith(fixed, 'markup.heading').filter((t) => !/^信号/.test(t) && t !== '全国网络安全和信息化工作会议释放六大重要信号');
    assert.ok(headings.includes('树立正确的网络安全观'), headings.join(' / '));
    for (const heading of headings) assert.doesNotMatch(heading, /[，。、；：？！]/, `a body line coloured as a heading: ${heading}`);
  });

  it('colours the figures of the fixed article with their units', () => {
    const figures = textsWith(fixed, 'constant.numeric.figure');
    for (const figure of ['2017年', '27.2万亿元', '32.9%', '7.72亿', '20 日', '21 日']) assert.ok(figures.includes(figure), `${figure} in ${figures.join(' ')}`);
  });

  it('colours quotations up to their closing quote, never into the next paragraph', () => {
    const quoted = fixed.filter((t) => t.scopes.some((s) => s.startsWith('string.quoted')));
    assert.ok(quoted.length > 0);
    const opened = new Set(fixed.filter((t) => t.text.includes('“')).map((t) => t.line));
    for (const token of quoted) assert.ok(opened.has(token.line), `line ${token.line + 1} is quoted without an opening quote`);
  });

  it('flags the half-width commas the PDF left at the start of lines 343 and 393 of the raw article', () => {
    const flagged = raw.filter((t) => t.scopes.some((s) => s.startsWith('invalid.illegal.half-width-punctuation')));
    assert.deepEqual(flagged.map((t) => [t.line + 1, t.text]), [[343, ','], [393, ',']]);
  });
});
