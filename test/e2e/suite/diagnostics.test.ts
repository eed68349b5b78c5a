// Opening the sample: the diagnostics VS Code shows are the core's problems, rule by rule and range by range.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { analyze, defaultSettings } from '../../../server/src/core';
import {
  SAMPLE_RAW,
  closeAllEditors,
  countByRule,
  openSample,
  extensionApi,
  readText,
  ruleOf,
} from './helpers';

describe('diagnostics of the sample article', () => {
  const raw = readText(SAMPLE_RAW);
  const expected = analyze(raw, defaultSettings).problems;
  let document: vscode.TextDocument;
  let diagnostics: vscode.Diagnostic[];

  before(async () => {
    ({ document, diagnostics } = await openSample(expected.length));
  });
  after(closeAllEditors);

  it('opens .article files as the article language and activates the extension with a running client', async () => {
    assert.equal(document.languageId, 'article');
    const { client } = await extensionApi();
    assert.equal(client.isRunning(), true);
  });

  it('shows as many diagnostics per rule as the core finds', () => {
    const expectedCounts: Record<string, number> = {};
    for (const problem of expected) expectedCounts[problem.ruleId] = (expectedCounts[problem.ruleId] ?? 0) + 1;
    assert.deepEqual(countByRule(diagnostics), expectedCounts);
    // The sample's stray spaces are counted by hand in test/unit/sample.test.ts.
    assert.equal(expectedCounts['space-around-punctuation'], 143);
  });

  it('places every diagnostic on the core problem’s source range', () => {
    const key = (rule: string, range: vscode.Range) =>
      `${rule} ${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
    const shown = diagnostics.map((d) => key(ruleOf(d), d.range)).sort();
    const wanted = expected
      .map((p) => key(p.ruleId, new vscode.Range(document.positionAt(p.start), document.positionAt(p.end))))
      .sort();
    assert.deepEqual(shown, wanted);
  });

  it('marks stray spaces exactly: the space after “召开。” and only whitespace elsewhere', () => {
    const spaces = diagnostics.filter((d) => ruleOf(d) === 'space-around-punctuation');
    for (const d of spaces) assert.match(document.getText(d.range), /^[ \t\u3000\u00a0]+$/, `range ${JSON.stringify(d.range)}`);
    const space = document.positionAt(raw.indexOf('召开。 习近平') + '召开。'.length);
    assert.ok(
      spaces.some((d) => d.range.isEqual(new vscode.Range(space, space.translate(0, 1)))),
      `no diagnostic on the space after 召开。 (line ${space.line + 1})`,
    );
  });

  it('labels each diagnostic with source "article", the rule id as code, a doc link and a message', () => {
    for (const d of diagnostics) {
      assert.equal(d.source, 'article');
      const code = d.code as { value: string; target: vscode.Uri };
      assert.equal(typeof code.value, 'string');
      assert.match(code.target.path, new RegExp(`/docs/rules/${code.value}\\.md$`));
      assert.ok(d.message.length > 0);
    }
  });
});
