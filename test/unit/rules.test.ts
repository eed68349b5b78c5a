// Fixture triplets for the spacing and punctuation rules: test/fixtures/rules/<rule-id>/<name>.{raw,fixed}.article
// and <name>.expect.json. Each triplet runs with ONLY its rule enabled (every other rule off), so a fixture
// shows exactly what that rule finds and changes. For each triplet the runner asserts that
//   1. lint(raw) lists exactly the problems in expect.json (rule, 1-based line and column, English message,
//      and related locations where given);
//   2. fix-all of raw gives fixed, byte for byte;
//   3. fixed lints clean (for a rule without fixes: fixed equals raw and lints the same);
//   4. no Han character, letter or digit was added, removed or reordered (full-width letters and digits
//      count as their half-width forms).
// expect.json: { "settings"?: SettingsLayer, "problems": [{ ruleId, line, column, message, related? }] }.

import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, ROOT, assertTimeLinearLike, readFixture, timeOf } from '../helpers';
import { analyze, defaultSettings, fixAll, mergeSettings, rules, type Settings } from '../../server/src/core';
import { compatibleEdits } from '../../server/src/core/fix';
import type { SettingsLayer } from '../../server/src/core/settings';
import { isFullWidthAlnum, toHalfWidth } from '../../server/src/core/charClasses';

/** The letters and digits of a text (Han included), full-width forms read as half-width: what no fix may change. */
export function wordCharacters(text: string): string {
  let out = '';
  for (const ch of text) {
    const plain = isFullWidthAlnum(ch) ? toHalfWidth(ch) : ch;
    if (/[\p{L}\p{N}]/u.test(plain)) out += plain;
  }
  return out;
}

const RULES_DIR = path.join(FIXTURES, 'rules');

/** The rules whose fixtures live here (issue 4): each needs a fixture folder and a doc page. */
export const SPACING_AND_PUNCTUATION_RULES = [
  'space-around-punctuation',
  'space-between-han',
  'space-between-latin',
  'half-width-punctuation',
  'full-width-alnum',
  'cjk-latin-spacing',
  'punctuation-forms',
  'unbalanced-brackets',
];

interface ExpectedProblem {
  ruleId: string;
  line: number;
  column: number;
  message: string;
  related?: Array<{ line: number; column: number; message: string }>;
}

interface Expectation {
  settings?: SettingsLayer;
  problems: ExpectedProblem[];
}

function onlyRule(ruleId: string, layer: SettingsLayer | undefined): Settings {
  const off = Object.fromEntries(rules.filter((rule) => rule.id !== ruleId).map((rule) => [rule.id, 'off']));
  const base = mergeSettings(layer);
  return mergeSettings(layer, { rules: { ...off, [ruleId]: base.rules[ruleId] ?? 'warning' }, locale: 'en' });
}

function actualProblems(text: string, settings: Settings): ExpectedProblem[] {
  const analysis = analyze(text, settings);
  const at = (offset: number) => {
    const position = analysis.model.lineIndex.positionAt(offset);
    return { line: position.line + 1, column: position.character + 1 };
  };
  return analysis.problems.map((problem) => {
    const entry: ExpectedProblem = { ruleId: problem.ruleId, ...at(problem.start), message: problem.message };
    if (problem.related && problem.related.length > 0) {
      entry.related = problem.related.map((related) => ({ ...at(related.start), message: related.message }));
    }
    return entry;
  });
}

describe('rule fixture triplets', () => {
  for (const ruleId of readdirSync(RULES_DIR).sort()) {
    describe(ruleId, () => {
      const dir = path.join(RULES_DIR, ruleId);
      const names = readdirSync(dir).filter((file) => file.endsWith('.raw.article')).map((file) => file.slice(0, -'.raw.article'.length));
      it('has at least one triplet', () => assert.ok(names.length > 0));
      for (const name of names.sort()) {
        const read = (suffix: string) => readFileSync(path.join(dir, name + suffix), 'utf8');
        const raw = read('.raw.article');
        const fixed = read('.fixed.article');
        const expectation = JSON.parse(read('.expect.json')) as Expectation;
        const settings = onlyRule(ruleId, expectation.settings);

        it(`${name}: reports what expect.json lists`, () => {
          assert.deepEqual(actualProblems(raw, settings), expectation.problems);
        });
        it(`${name}: fix-all gives the fixed text`, () => {
          assert.equal(fixAll(raw, settings), fixed);
        });
        // A rule without fixes leaves its problems for a reader: the fixed text still has them.
        const fixable = rules.find((rule) => rule.id === ruleId)?.fixable ?? true;
        it(`${name}: the fixed text lints ${fixable ? 'clean' : 'as the raw text does'}`, () => {
          assert.deepEqual(actualProblems(fixed, settings), fixable ? [] : expectation.problems);
        });
        it(`${name}: no Han character, letter or digit changes`, () => {
          assert.equal(wordCharacters(fixAll(raw, settings)), wordCharacters(raw));
        });
      }
    });
  }
});

describe('spacing and punctuation rules', () => {
  for (const ruleId of SPACING_AND_PUNCTUATION_RULES) {
    const rule = rules.find((candidate) => candidate.id === ruleId);
    it(`${ruleId} is registered, with fixtures and a doc page in English and Chinese`, () => {
      assert.ok(rule, `${ruleId} is not in the registry`);
      assert.ok(existsSync(path.join(RULES_DIR, ruleId)), `no fixtures for ${ruleId}`);
      const doc = readFileSync(path.join(ROOT, 'docs', 'rules', `${ruleId}.md`), 'utf8');
      assert.match(doc, new RegExp(`^# ${ruleId}`, 'm'));
      assert.match(doc, /[\u4e00-\u9fff]/);
      assert.match(doc, /## Examples/);
    });
    it(`${ruleId} has every message in English and Chinese`, () => {
      for (const message of Object.values(rule!.messages)) {
        assert.ok(message.en.length > 0 && /[\u4e00-\u9fff]/.test(message.zh));
      }
    });
    it(`${ruleId} declares fixable exactly when its fixtures produce fixes`, () => {
      const dir = path.join(RULES_DIR, ruleId);
      let sawFix = false;
      for (const file of readdirSync(dir).filter((name) => name.endsWith('.raw.article'))) {
        const expectation = JSON.parse(readFileSync(path.join(dir, file.replace('.raw.article', '.expect.json')), 'utf8')) as Expectation;
        const problems = analyze(readFileSync(path.join(dir, file), 'utf8'), onlyRule(ruleId, expectation.settings)).problems;
        if (problems.some((problem) => problem.fix && problem.fix.length > 0)) sawFix = true;
      }
      assert.equal(sawFix, rule!.fixable);
    });
  }
});

describe('the sample article: spacing and punctuation', () => {
  const raw = readFixture('sample/sample.raw.article');
  const ids = (ruleId: string): Record<string, number> => {
    const rule = rules.find((candidate) => candidate.id === ruleId)!;
    const counts: Record<string, number> = {};
    const model = analyze(raw, defaultSettings).model;
    rule.check({ model, settings: defaultSettings, options: {}, report: (report) => void (counts[report.messageId] = (counts[report.messageId] ?? 0) + 1) });
    return counts;
  };
  const onlyThese = mergeSettings({
    rules: Object.fromEntries(rules.map((rule) => [rule.id, SPACING_AND_PUNCTUATION_RULES.includes(rule.id) ? 'warning' : 'off'])),
  });

  it('has 143 stray spaces next to full-width marks: 116 after a mark, 22 before one, 5 between two', () => {
    assert.deepEqual(ids('space-around-punctuation'), { after: 116, before: 22, between: 5 });
  });

  it('has both lone commas, on lines 343 and 393, and no other half-width mark in Chinese text', () => {
    const problems = analyze(raw, defaultSettings).problems.filter((problem) => problem.ruleId === 'half-width-punctuation');
    const model = analyze(raw, defaultSettings).model;
    assert.deepEqual(problems.map((problem) => model.lineIndex.positionAt(problem.start).line + 1), [343, 393]);
    assert.deepEqual(problems.map((problem) => problem.fix), [
      [{ start: problems[0].start, end: problems[0].start + 1, newText: '，' }],
      [{ start: problems[1].start, end: problems[1].start + 1, newText: '，' }],
    ]);
  });

  it('has no spaced-out Chinese and keeps the lost-text space', () => {
    assert.deepEqual(ids('space-between-han'), {});
  });

  it('fixing only these rules removes exactly the stray spaces and changes only the two commas', () => {
    const fixed = fixAll(raw, onlyThese);
    assert.equal(wordCharacters(fixed), wordCharacters(raw));
    const strip = (text: string) => text.replace(/[ \t\u3000\u00a0]/g, '');
    assert.equal(strip(fixed), strip(raw).replace(/^,$/gm, '，'));
    const removed = [...raw].filter((ch) => ch === ' ').length - [...fixed].filter((ch) => ch === ' ').length;
    assert.equal(removed, 143);
    assert.deepEqual(analyze(fixed, onlyThese).problems, []);
  });

  it('the comma edits and the layout joins apply together in one pass', () => {
    const problems = analyze(raw, defaultSettings).problems;
    const commaEdits = problems.filter((problem) => problem.ruleId === 'half-width-punctuation').flatMap((problem) => problem.fix!);
    const taken = compatibleEdits(problems);
    for (const edit of commaEdits) assert.ok(taken.includes(edit), `comma edit at ${edit.start} lost to an overlap`);
  });

  it('full fix-all leaves none of these problems and keeps ` 世纪`', () => {
    const fixed = fixAll(raw, defaultSettings);
    assert.deepEqual(analyze(fixed, onlyThese).problems, []);
    assert.match(fixed, /建设 世纪数字丝绸之路/);
    assert.doesNotMatch(fixed, /[\u4e00-\u9fff],|,[\u4e00-\u9fff]/);
  });
});

describe('spacing and punctuation rules on adversarial lines', function () {
  this.timeout(60_000); // the model's own analysis of each long line is included
  // Each pattern repeated to one long line; a quadratic scan would take minutes, a linear one well under the bound.
  const patterns = [' ，', '，', ' 中', '中 中 ', 'a,', '1.', '"中', '(（', '（', '“', 'www.', 'a@', '://', 'http://a', '.', '-', 'ａ', 'a 中', "'", '中.', '……', '—', 'a b,', 'a  b ', '中中 ', '这两年一 直很稳定，'];
  const LENGTH = 200_000;
  const settings = mergeSettings({ cjkLatinSpacing: 'require' });
  for (const pattern of patterns) {
    it(`checks ${JSON.stringify(pattern)} repeated to ${LENGTH} characters in linear time`, () => {
      const text = pattern.repeat(Math.ceil(LENGTH / pattern.length));
      let model = analyze(text, settings).model;
      // The reference is the whole analysis of the same text, every rule included: one rule's check is a part of it.
      const analysisMs = timeOf(() => void (model = analyze(text, settings).model));
      for (const ruleId of SPACING_AND_PUNCTUATION_RULES) {
        const rule = rules.find((candidate) => candidate.id === ruleId)!;
        assertTimeLinearLike(ruleId, () => rule.check({ model, settings, options: {}, report: () => undefined }), analysisMs, 2);
      }
    });
  }
});

describe('spacing and punctuation rules: settings', () => {
  const text = '习近平总书记指出, 要加快推进网络强国建设。\n';

  it('speaks Chinese when the locale is zh-cn', () => {
    const problems = analyze(text, mergeSettings({ locale: 'zh-CN' })).problems.filter((problem) => SPACING_AND_PUNCTUATION_RULES.includes(problem.ruleId));
    assert.deepEqual(problems.map((problem) => problem.message), ['中文语境中应使用全角“，”，而非“,”']);
  });

  it('takes each rule severity from settings, and "off" silences the rule', () => {
    const severities = (layer: Parameters<typeof mergeSettings>[0]) =>
      analyze(text, mergeSettings(layer)).problems.filter((problem) => problem.ruleId === 'half-width-punctuation').map((problem) => problem.severity);
    assert.deepEqual(severities({}), ['warning']);
    assert.deepEqual(severities({ rules: { 'half-width-punctuation': 'error' } }), ['error']);
    assert.deepEqual(severities({ rules: { 'half-width-punctuation': { severity: 'hint' } } }), ['hint']);
    assert.deepEqual(severities({ rules: { 'half-width-punctuation': 'off' } }), []);
  });

  it('cjk-latin-spacing reports nothing unless the setting asks for a style', () => {
    const spaced = '会议 20 日召开，占GDP比重上升。\n';
    const count = (style?: 'require' | 'forbid') =>
      analyze(spaced, mergeSettings(style ? { cjkLatinSpacing: style } : {})).problems.filter((problem) => problem.ruleId === 'cjk-latin-spacing').length;
    assert.deepEqual([count(), count('require'), count('forbid')], [0, 2, 2]);
  });
});
