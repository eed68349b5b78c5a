// Outline and hover as an editor receives them: document symbols for every label style, and a hover on
// every figure of the sample from both sides of the line it is split over.

import * as assert from 'node:assert/strict';
import type { DocumentSymbol, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readFixture, withCursor } from '../helpers';
import { open, startServer, type TestServer } from './lspClient';

/** Symbols flattened back into the outline's indented lines (speakers group left out). */
function outlineLines(symbols: readonly DocumentSymbol[], depth = 0): string[] {
  const lines: string[] = [];
  for (const symbol of symbols) {
    if (symbol.name === 'People quoted') continue;
    lines.push(`${'  '.repeat(depth)}${symbol.name}`);
    lines.push(...outlineLines(symbol.children ?? [], depth + 1));
  }
  return lines;
}

describe('navigation over LSP', function () {
  let server: TestServer;
  let counter = 0;
  const nextUri = () => `file:///tmp/article-lint-nav/doc${++counter}.article`;

  before(async () => {
    server = await startServer();
  });

  after(async () => {
    await server.stop();
  });

  describe('document symbols for each label style', () => {
    const expected = JSON.parse(readFixture('outline/expected.json')) as Record<string, { outline: string[] }>;
    for (const [file, want] of Object.entries(expected)) {
      it(`${file}: names, order and nesting`, async () => {
        const uri = nextUri();
        await open(server, uri, readFixture(`outline/${file}`));
        const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
        assert.deepEqual(outlineLines(symbols), want.outline);
      });
    }
  });

  describe('hover on every figure of the sample', () => {
    const sample = readFixture('sample/sample.raw.article');
    const uri = 'file:///tmp/article-lint-nav/sample.article';
    const document = TextDocument.create(uri, 'article', 1, sample);

    before(async () => {
      await open(server, uri, sample);
    });

    // [figure as it reads joined, what the hover must say, cursors on either side of its split]
    const cases: ReadonlyArray<readonly [string, RegExp, readonly string[]]> = [
      ['20日至21日', /date|range/i, ['会议 |20 日至', '至 21 |日在北京']],
      ['六大', /\b6\b/, ['释放|六大', '释放六|大重要']],
      ['2017年', /2017/, ['|2017\n', '\n|年我国数字经济总量']],
      ['27.2万亿元', /27,200,000,000,000/, ['27.|2\n', '\n万亿|元， 占']],
      ['32.9%', /0\.329|32\.9 ?%/, ['|32.9%\n', '32.9%|\n']],
      ['7.72亿', /772,000,000/, ['|7.72\n', '\n|亿， 网络已成为']],
      ['十八大', /\b18\b|18th/, ['党的|十八大', '党的十八|大以来']],
      ['四项', /\b4\b/, ['的“|四项原则', '的“四|项原则']],
      ['五点', /\b5\b/, ['”“|五点主张', '”“五|点主张']],
      ['互联网+', /name/i, ['“互|联网\n', '\n|+\n']],
      ['中国制造2025', /name/i, ['“中国|制造\n', '\n20|25\n']],
    ];

    for (const [figure, says, markers] of cases) {
      for (const marked of markers) {
        it(`${JSON.stringify(marked)} shows ${figure}`, async () => {
          const { text: snippet, offset } = withCursor(marked);
          const at = sample.indexOf(snippet);
          assert.ok(at >= 0 && sample.indexOf(snippet, at + 1) < 0, 'the snippet occurs once in the sample');
          const hover = (await server.connection.sendRequest('textDocument/hover', {
            textDocument: { uri },
            position: document.positionAt(at + offset),
          })) as Hover | null;
          assert.ok(hover, 'a hover');
          const markdown = (hover.contents as MarkupContent).value;
          assert.ok(markdown.includes(`**${figure}**`), `names ${figure}: ${markdown}`);
          assert.match(markdown, says);
        });
      }
    }

    it('shows nothing on plain text', async () => {
      const hover = await server.connection.sendRequest('textDocument/hover', {
        textDocument: { uri },
        position: document.positionAt(sample.indexOf('科学分析了')),
      });
      assert.equal(hover, null);
    });
  });

  describe('semantic tokens', () => {
    const TYPES = ['articleTitle', 'articleHeading', 'articleLabel', 'articleByline', 'comment', 'number'];

    it('colours the sample by role and figure, decoded from the relative encoding', async () => {
      const uri = nextUri();
      const sample = readFixture('sample/sample.raw.article');
      await open(server, uri, sample);
      const { data } = (await server.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } })) as { data: number[] };
      assert.equal(data.length % 5, 0);
      const lines = sample.split('\n');
      const tokens: Array<[string, string]> = [];
      let line = 0;
      let character = 0;
      for (let i = 0; i < data.length; i += 5) {
        const [deltaLine, deltaStart, length, type] = data.slice(i, i + 4);
        line += deltaLine;
        character = deltaLine === 0 ? character + deltaStart : deltaStart;
        tokens.push([TYPES[type], lines[line].slice(character, character + length)]);
      }
      assert.deepEqual(tokens[0], ['articleTitle', '全国网络安全和信息化工作会议释放六大重要信号']);
      assert.deepEqual(tokens.filter(([type]) => type === 'articleLabel').map(([, text]) => text), ['信号一', '信号二', '信号三', '信号四', '信号五', '信号六']);
      const numbers = tokens.filter(([type]) => type === 'number').map(([, text]) => text);
      assert.ok(numbers.includes('27.2') && numbers.includes('万亿元') && numbers.includes('32.9%'), numbers.join(' '));
    });

  });
});
