// What moved behind the core's door: fix-all in steps, and what a rule is (its metadata) against what it does.

import * as assert from 'node:assert/strict';
import { analyze, fixAllEdits, fixAllEditsInSteps, mergeSettings, rules } from '../../server/src/core';
import { readFixture } from '../helpers';

const SAMPLE = readFixture('sample/sample.raw.article');

describe('core door', () => {
  const settings = mergeSettings({});

  it('fix-all in steps gives the edits of fix-all, and stops when its pause throws', async () => {
    const analysis = analyze(SAMPLE, settings);
    let pauses = 0;
    const edits = await fixAllEditsInSteps(analysis, async () => void pauses++);
    assert.deepEqual(edits, fixAllEdits(SAMPLE, settings));
    assert.ok(pauses > 0);
    await assert.rejects(fixAllEditsInSteps(analysis, async () => { throw new Error('cancelled'); }), /cancelled/);
  });

  // Found by scripts/fuzz/lsp.mjs: Format Document of a text ending in CRLF, fixed to end in LF, kept the
  // LF and ended its edit between CR and LF, where no LSP position lies: the editor kept the CR.
  it('fix-all as edits never ends or starts an edit between the CR and LF of a line end, nor inside a surrogate pair', () => {
    const splits = (text: string, offset: number) =>
      (text[offset - 1] === '\r' && text[offset] === '\n') || (/[\ud800-\udbff]/.test(text[offset - 1] ?? '') && /[\udc00-\udfff]/.test(text[offset] ?? ''));
    for (const text of ['第一段文字。\n\n第二段\n文字。\n\n第三段文字。\r\n', '第一段\n文字。\r\n\r\n第二段😀\n文字。\r\n', '标题\r\n\r\n正文\n第二行。\r\n']) {
      const edits = fixAllEdits(text, mergeSettings({}));
      assert.ok(edits.length > 0);
      for (const edit of edits) assert.ok(!splits(text, edit.start) && !splits(text, edit.end), `${JSON.stringify(text)}: ${edit.start}-${edit.end}`);
    }
  });

  it('a wrap rule is one whose fixes join lines, and every rule that joins lines says it is a wrap rule', () => {
    const problems = analyze(SAMPLE, settings).problems;
    for (const rule of rules) {
      const own = problems.filter((problem) => problem.ruleId === rule.id && problem.fix);
      const joinsLines = own.length > 0 && own.every((problem) => problem.fix!.every((edit) => /\n/.test(SAMPLE.slice(edit.start, edit.end)) && !/\n/.test(edit.newText) && edit.newText.trim() === ''));
      if (rule.wrap) assert.ok(joinsLines, `${rule.id}: fixes that join lines`);
      else assert.ok(!joinsLines, `${rule.id} joins lines but is not marked a wrap rule`);
    }
  });

  it('a rule marking unnecessary text only deletes or normalises whitespace', () => {
    const problems = analyze(SAMPLE, settings).problems;
    for (const rule of rules.filter((r) => r.marksUnnecessary)) {
      for (const problem of problems.filter((p) => p.ruleId === rule.id && p.fix)) {
        for (const edit of problem.fix!) assert.equal(SAMPLE.slice(edit.start, edit.end).trim(), '', `${rule.id} fixes only whitespace`);
      }
    }
  });
});
