// Ignore comments, end to end: the text goes through analyze()/lint() and fixAll() as in the editor and CLI.

import * as assert from 'node:assert/strict';
import { assertTimeLinearLike } from '../helpers';
import { analyze, fixAll, mergeSettings, rules } from '../../server/src/core';
import { lint } from '../../server/src/core/lint';
import { parseArticle } from '../../server/src/core/model';
import { disableForLineEdit } from '../../server/src/core/directives';
import { linesOf } from '../../server/src/core/lines';
import type { ArticleModel } from '../../server/src/core/model';

/** A model and how its lines are read, as the quick fixes pass them. */
const withLines = (model: ArticleModel) => [model, linesOf(model)] as const;

const ON = ['space-around-punctuation', 'half-width-punctuation'];
const settings = mergeSettings({ rules: Object.fromEntries(rules.map((rule) => [rule.id, ON.includes(rule.id) ? 'warning' : 'off'])) });

/** Each line a paragraph, separated by blank lines, as the layout reads it unambiguously. */
function article(...lines: string[]): string {
  return lines.join('\n\n') + '\n';
}

/** `rule-id@line` (1-based) for each problem. */
function found(text: string): string[] {
  const analysis = analyze(text, settings);
  return analysis.problems.map((problem) => `${problem.ruleId}@${analysis.model.lineIndex.lineAt(problem.start) + 1}`);
}

const SPACE = '会议释放出重要信号， 记者专访了专家。'; // one stray space after ，
const COMMA = '习近平总书记指出,要加快推进网络强国建设。'; // one half-width comma

describe('ignore comments (directives)', () => {
  it('without directives, every line reports', () => {
    assert.deepEqual(found(article(SPACE, COMMA, SPACE)), ['space-around-punctuation@1', 'half-width-punctuation@3', 'space-around-punctuation@5']);
  });

  it('disable … enable silences every rule in between, and only there', () => {
    const text = article(SPACE, '<!-- article-lint-disable -->', SPACE, COMMA, '<!-- article-lint-enable -->', COMMA);
    assert.deepEqual(found(text), ['space-around-punctuation@1', 'half-width-punctuation@11']);
  });

  it('disable with rule ids silences only those rules (ids separated by spaces or commas)', () => {
    const text = article('<!-- article-lint-disable space-around-punctuation -->', SPACE, COMMA);
    assert.deepEqual(found(text), ['half-width-punctuation@5']);
    const both = article('<!-- article-lint-disable space-around-punctuation, half-width-punctuation -->', SPACE, COMMA);
    assert.deepEqual(found(both), []);
  });

  it('a disable without enable runs to the end of the article', () => {
    assert.deepEqual(found(article(COMMA, '<!-- article-lint-disable -->', COMMA, SPACE, COMMA)), ['half-width-punctuation@1']);
  });

  it('enable with a rule id turns that rule back on inside a disable-all region', () => {
    const text = article('<!-- article-lint-disable -->', SPACE, '<!-- article-lint-enable half-width-punctuation -->', SPACE, COMMA);
    assert.deepEqual(found(text), ['half-width-punctuation@9']);
  });

  it('enable with a rule id leaves the other disabled rules off', () => {
    const text = article(
      '<!-- article-lint-disable space-around-punctuation half-width-punctuation -->',
      COMMA,
      '<!-- article-lint-enable half-width-punctuation -->',
      SPACE,
      COMMA,
    );
    assert.deepEqual(found(text), ['half-width-punctuation@9']);
  });

  it('disable-next-line silences the next non-blank line only', () => {
    const text = article(SPACE, '<!-- article-lint-disable-next-line -->', SPACE, SPACE);
    assert.deepEqual(found(text), ['space-around-punctuation@1', 'space-around-punctuation@7']);
  });

  it('disable-next-line with an id silences only that rule on that line', () => {
    const line = '会议释放出重要信号， 记者指出,要加快建设。';
    const text = article('<!-- article-lint-disable-next-line half-width-punctuation -->', line);
    assert.deepEqual(found(text), ['space-around-punctuation@3']);
  });

  it('applies through lint() on a parsed model as well', () => {
    const text = article('<!-- article-lint-disable-next-line -->', COMMA, COMMA);
    const problems = lint(parseArticle(text), settings);
    assert.deepEqual(problems.map((problem) => problem.ruleId), ['half-width-punctuation']);
    assert.ok(problems[0].start > text.indexOf(COMMA) + COMMA.length);
  });

  it('fix-all leaves silenced lines as they are', () => {
    const text = article(SPACE, '<!-- article-lint-disable -->', SPACE, '<!-- article-lint-enable -->', COMMA);
    const fixed = fixAll(text, settings);
    assert.equal(
      fixed,
      article('会议释放出重要信号，记者专访了专家。', '<!-- article-lint-disable -->', SPACE, '<!-- article-lint-enable -->', '习近平总书记指出，要加快推进网络强国建设。'),
    );
  });

  it('ignores comments that are not directives', () => {
    for (const comment of ['<!-- article-lint-disabled -->', '<!-- eslint-disable -->', '<!-- article-lint-disable', 'article-lint-disable -->']) {
      assert.deepEqual(found(article(comment, SPACE)), ['space-around-punctuation@3'], comment);
    }
  });

  it('reads a long unterminated comment in linear time', () => {
    const long = '<!-- article-lint-disable ' + ' a'.repeat(500_000);
    const plain = '<!-- article-lint-disable -->' + ' a'.repeat(500_000);
    // The reference: the same length with the comment closed at once.
    assertTimeLinearLike('an unterminated comment', () => void parseArticle(article(long, SPACE)), () => void parseArticle(article(plain, SPACE)), 10);
  });
});

describe('turning a rule off from a problem', () => {
  const apply = (text: string, edit: { start: number; end: number; newText: string }) => text.slice(0, edit.start) + edit.newText + text.slice(edit.end);

  it('for its line: a disable-next-line directive above a paragraph silences that paragraph only', () => {
    const text = article('标题', '多边参与 、多方参与。', '另一段 、文字。');
    const model = analyze(text, settings).model;
    const edit = disableForLineEdit(model, linesOf(model), 'space-around-punctuation', text.indexOf(' 、'))!;
    const silenced = apply(text, edit);
    assert.equal(silenced, article('标题', '<!-- article-lint-disable-next-line space-around-punctuation -->', '多边参与 、多方参与。', '另一段 、文字。'));
    assert.deepEqual(found(silenced), ['space-around-punctuation@7']);
    // A second rule joins the directive already there.
    const again = disableForLineEdit(...withLines(analyze(silenced, settings).model), 'half-width-punctuation', silenced.indexOf(' 、'))!;
    assert.match(apply(silenced, again), /<!-- article-lint-disable-next-line space-around-punctuation half-width-punctuation -->/);
    assert.equal(disableForLineEdit(...withLines(analyze(silenced, settings).model), 'space-around-punctuation', silenced.indexOf(' 、')), undefined);
  });

  it('not for a line that continues a paragraph: a directive there would part it', () => {
    const raw = ['标题在这里', '这一行排满了栏宽但句子还在继', '续下去直到这里 、才结束了。'].join('\n') + '\n';
    const model = parseArticle(raw);
    assert.equal(model.breaks[1].kind, 'wrap');
    assert.equal(disableForLineEdit(model, linesOf(model), 'space-around-punctuation', raw.indexOf(' 、')), undefined);
  });
});
