// displaced-label: a box label the extractor moved away from every title is reported, and its fix moves
// the label's line above its own title; a label standing next to a title stays. Placements from
// test/labelPlacements.ts: before the title (where it belongs), after it, at the end of the page, beside a
// byline, beside a speaker's line.

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze, defaultSettings, fixAll, mergeSettings, type Problem } from '../../server/src/core';
import { applyEdits } from '../../server/src/core/fix';
import { ROOT, readFixture } from '../helpers';
import { article, DISPLACED, LABELS, PARAGRAPH, SPEAKER, TITLE_LIKE_OPENING, TITLES, type Placement } from '../labelPlacements';
import { keepsEssentials } from '../robustness/arbitraries';

const PLACEMENTS: readonly Placement[] = ['before', 'after', 'end', 'byline', 'speaker'];

function displaced(text: string, settings = defaultSettings): Problem[] {
  return analyze(text, settings).problems.filter((problem) => problem.ruleId === 'displaced-label');
}

/** The sections the outline shows, as label|title. */
function sections(text: string): string[] {
  return analyze(text, defaultSettings)
    .outline.filter((entry) => entry.kind === 'section')
    .map((entry) => `${entry.label}|${entry.title}`);
}

const PAIRED = LABELS.map((label, i) => `${label}|${TITLES[i]}`);
/** Where every label belongs: the article with its labels before their titles, fixed. */
const IN_PLACE = fixAll(article('before'), defaultSettings);

describe('displaced-label', () => {
  for (const placement of PLACEMENTS) {
    describe(`labels ${placement === 'before' || placement === 'after' ? `${placement} their titles` : placement === 'end' ? 'at the end of the page' : `one beside a ${placement}`}`, () => {
      const text = article(placement);
      const problems = displaced(text);

      it(`reports ${DISPLACED[placement].length === 0 ? 'no label' : DISPLACED[placement].join(', ')}, on the label's own line`, () => {
        assert.deepEqual(
          problems.map((problem) => text.slice(problem.start, problem.end)),
          DISPLACED[placement],
        );
      });

      it('names the label and its title, and points at the title', () => {
        for (const problem of problems) {
          const label = text.slice(problem.start, problem.end);
          const title = TITLES[LABELS.indexOf(label)];
          assert.equal(problem.message, `“${label}” stands away from its title “${title}”: move it above the title`);
          assert.deepEqual(
            problem.related?.map((related) => [text.slice(related.start, related.end), related.message]),
            [[title, `The title of “${label}”`]],
          );
        }
      });

      it('each quick fix alone moves the label line just above its title, one blank line either side, and loses nothing', () => {
        for (const problem of problems) {
          const label = text.slice(problem.start, problem.end);
          const title = TITLES[LABELS.indexOf(label)];
          const fixed = applyEdits(text, problem.fix!);
          assert.ok(fixed.includes(`\n\n${label}\n\n${title}\n`), `${label} above ${title}`);
          assert.equal(fixed.split(label).length, 2, `${label} once`);
          assert.ok(keepsEssentials(text, fixed));
          assert.ok(!displaced(fixed).some((left) => fixed.slice(left.start, left.end) === label), `${label} is no longer reported`);
        }
      });

      it('fix all puts every label above its own title (a label right after its title stays there)', () => {
        const fixed = fixAll(text, defaultSettings);
        const order = placement === 'after' ? (label: string, title: string) => `\n${title}\n\n${label}\n` : (label: string, title: string) => `\n${label}\n\n${title}\n`;
        for (const [i, label] of LABELS.entries()) assert.ok(fixed.includes(order(label, TITLES[i])), `${label} and ${TITLES[i]}`);
        // Where the label left no mark between two paragraphs, the article is the one with its labels in place.
        if (placement === 'end' || placement === 'byline') assert.equal(fixed, IN_PLACE);
        assert.ok(keepsEssentials(text, fixed));
        assert.deepEqual(displaced(fixed), []);
        assert.deepEqual(sections(fixed), PAIRED);
      });
    });
  }

  it('speaks Chinese', () => {
    const [problem] = displaced(article('byline'), mergeSettings({ locale: 'zh-cn' }));
    assert.equal(problem.message, '“信号一”远离其标题“能源供应保障能力再上台阶”：应移到标题上方');
    assert.equal(problem.related?.[0].message, '“信号一”的标题');
  });

  it('is silenced by a directive on the line before the label', () => {
    const text = article('byline').replace('信号一\n', '<!-- article-lint-disable-next-line displaced-label -->\n信号一\n');
    assert.deepEqual(displaced(text), []);
  });

  it('reports nothing in the sample, whose labels stand next to headings, and the sample is still fixed byte for byte', () => {
    const raw = readFixture('sample/sample.raw.article');
    assert.deepEqual(displaced(raw), []);
    assert.equal(fixAll(raw, defaultSettings), readFixture('sample/sample.fixed.article'));
  });

  it('moves the four labels mutool printed after the last paragraph above their titles (a news extraction)', () => {
    const raw = readFixture('displaced/nt013-mu.extracted.txt');
    assert.deepEqual(
      displaced(raw)
        .filter((problem) => problem.message.includes('stands away'))
        .map((problem) => raw.slice(problem.start, problem.end)),
      ['信号一', '信号二', '信号三', '信号四'],
    );
    const fixed = fixAll(raw, defaultSettings);
    assert.ok(keepsEssentials(raw, fixed));
    const titles = ['能源供应保障能力再上台阶', '绿色低碳转型步伐加快', '新型电力系统建设提速', '能源体制改革纵深推进'];
    titles.forEach((title, i) => assert.match(fixed, new RegExp(`\\n信号${'一二三四'[i]}\\n\\n${title}`)));
    assert.match(fixed, /[。”]\n$/, 'no label is left at the end');
  });

  it('sets apart a displaced label’s title that the layout joined to the paragraph after it', () => {
    const raw = readFixture('displaced/nt013-mu.extracted.txt');
    const runsOn = displaced(raw).filter((problem) => problem.message.includes('runs on'));
    assert.deepEqual(
      runsOn.map((problem) => [raw.slice(problem.start, problem.end), problem.message]),
      [['能源供应保障能力再上台阶', 'The title “能源供应保障能力再上台阶” of “信号一” runs on into the paragraph after it: set it apart']],
    );
    assert.equal(applyEdits(raw, runsOn[0].fix!).split('能源供应保障能力再上台阶\n\n会议通报').length, 2);
    const fixed = fixAll(raw, defaultSettings);
    assert.match(fixed, /\n信号一\n\n能源供应保障能力再上台阶\n\n会议通报，2025/);
    assert.ok(sections(fixed).includes('信号一|能源供应保障能力再上台阶'));
  });

  it('moves a label dropped into a paragraph above its title and joins the paragraph it interrupted', () => {
    const [opening, ...rest] = TITLE_LIKE_OPENING;
    const lines = ['全国能源工作会议释放三大信号', '本报记者 符嘉言', ...PARAGRAPH];
    TITLES.forEach((title, i) => {
      if (i === 1) lines.push(opening, LABELS[1], '', ...rest, title, ...PARAGRAPH, ...SPEAKER);
      else lines.push(LABELS[i], title, ...PARAGRAPH, ...SPEAKER);
    });
    const text = lines.join('\n') + '\n';
    const problems = displaced(text);
    assert.deepEqual(
      problems.map((problem) => [text.slice(problem.start, problem.end), problem.message]),
      [[`${opening}\n${LABELS[1]}`, `“${LABELS[1]}” was dropped into a paragraph, away from its title “${TITLES[1]}”: move it above the title and join the paragraph again`]],
    );
    const moved = applyEdits(text, problems[0].fix!);
    assert.ok(moved.includes(`${opening}${rest[0]}`), 'the paragraph joined where the label was');
    assert.ok(moved.includes(`\n\n${LABELS[1]}\n\n${TITLES[1]}\n`), 'the label above its title');
    assert.ok(keepsEssentials(text, moved));
    const fixed = fixAll(text, defaultSettings);
    assert.ok(fixed.includes(`\n${opening}${rest.join('')}\n`), 'one paragraph in the fixed text');
    assert.ok(keepsEssentials(text, fixed));
    assert.deepEqual(sections(fixed), PAIRED);
  });

  it('puts a label printed on its title’s line on a line of its own above the title, and the title apart from its paragraph', () => {
    const lines = ['全国能源工作会议释放三大信号', '本报记者 符嘉言', ...PARAGRAPH];
    TITLES.forEach((title, i) => lines.push(`${LABELS[i]}  ${title}`, ...PARAGRAPH, ...SPEAKER));
    const text = lines.join('\n') + '\n';
    const problems = displaced(text).filter((problem) => problem.message.includes('shares a line'));
    assert.deepEqual(
      problems.map((problem) => [text.slice(problem.start, problem.end), problem.message]),
      LABELS.map((label, i) => [label, `“${label}” shares a line with its title “${TITLES[i]}”: put it on a line of its own above the title`]),
    );
    assert.ok(applyEdits(text, problems[0].fix!).includes(`\n${LABELS[0]}\n\n${TITLES[0]}\n`));
    const fixed = fixAll(text, defaultSettings);
    for (const [i, label] of LABELS.entries()) assert.ok(fixed.includes(`\n${label}\n\n${TITLES[i]}\n\n`), `${label} above ${TITLES[i]}, set apart`);
    assert.ok(keepsEssentials(text, fixed));
    assert.deepEqual(sections(fixed), PAIRED);
    assert.deepEqual(displaced(fixed), []);
  });

  it('gives the same problems and fixed text in small regions as whole', () => {
    const text = readFixture('displaced/nt013-mu.extracted.txt');
    const tiny = analyze(text, defaultSettings, undefined, { regionLength: 500 });
    const whole = analyze(text, defaultSettings, undefined, { regionLength: 1e9 });
    assert.ok((tiny.regions?.size ?? 0) > 3, `${tiny.regions?.size} regions`);
    assert.deepEqual(tiny.problems, whole.problems);
    assert.ok(tiny.problems.some((problem) => problem.ruleId === 'displaced-label'));
    assert.equal(fixAll(text, defaultSettings, undefined, { regionLength: 500 }), fixAll(text, defaultSettings, undefined, { regionLength: 1e9 }));
  });

  it('reports the same labels with the same fixes in a document just over 32,000 characters as in one just under, and fixes both alike', () => {
    const text = article('end');
    // More of the article's paragraphs after it: a document under 32,000 characters, and the same with one more.
    const more = [...PARAGRAPH, ...SPEAKER].join('\n') + '\n';
    const below = text + more.repeat(Math.floor((32_000 - text.length) / more.length));
    const above = below + more;
    assert.ok(below.length <= 32_000 && above.length > 32_000);
    const problems = displaced(below);
    assert.deepEqual(
      problems.map((problem) => text.slice(problem.start, problem.end)),
      LABELS,
    );
    assert.deepEqual(displaced(above), problems);
    const fixed = fixAll(above, defaultSettings);
    // The article and the first paragraphs after it.
    assert.equal(fixed.slice(0, 2 * text.length), fixAll(below, defaultSettings).slice(0, 2 * text.length));
    for (const [i, label] of LABELS.entries()) assert.ok(fixed.includes(`\n${label}\n\n${TITLES[i]}\n`), `${label} above ${TITLES[i]}`);
    assert.ok(keepsEssentials(above, fixed));
  });

  it('gives the doc page’s example its fixed text', () => {
    const page = readFileSync(path.join(ROOT, 'docs', 'rules', 'displaced-label.md'), 'utf8');
    const [raw, fixed] = [...page.matchAll(/```\n([\s\S]*?)```/g)].map((match) => match[1]);
    assert.ok(displaced(raw).length === 2);
    assert.equal(fixAll(raw, defaultSettings), fixed);
  });

  // Found by scripts/fuzz/core.mjs: the line （完） after a run of labels at the page's end was read as the last
  // label's heading, so that label stayed away from its title once the article was finished.
  it('moves every label of a run at the end of the page, （完） after it or not', () => {
    const text = '新的生机与活力。\n\n活态传承\n\n近六成。非遗元素正从“小众爱好”走向“大众消费”。\n\n青春力量\n\n非遗传承，关键在人。近年来，各地通过实施非遗传承人研修。\n\n关键词一\n关键词二\n';
    for (const finished of [text, text + '（完）\n', text + '\n(完)\n']) {
      assert.deepEqual(displaced(finished).map((problem) => finished.slice(problem.start, problem.end)), ['关键词一', '关键词二'], JSON.stringify(finished));
    }
    assert.ok(fixAll(text + '（完）\n', defaultSettings).startsWith(fixAll(text, defaultSettings).trimEnd()));
  });

  // Found by scripts/fuzz/core.mjs: the first of two labels stacked above a title was moved below the second,
  // which was then moved below the first, and so on (fix-all ended after its last pass with a problem left),
  // or the fix gave the text back unchanged.
  for (const text of ['信号二\n要点四\n中得', '信号一\n信号一\n一二', '中得\n信号二\n要点四\n\n正文。']) {
    it(`leaves labels stacked beside their title where they are: ${JSON.stringify(text)}`, () => {
      for (const settings of [defaultSettings, mergeSettings({ cjkLatinSpacing: 'forbid' })]) {
        for (const problem of displaced(text, settings)) assert.notEqual(applyEdits(text, problem.fix!), text, 'a fix that changes nothing');
        const fixed = fixAll(text, settings);
        assert.deepEqual(displaced(fixed, settings), []);
        assert.equal(fixAll(fixed, settings), fixed);
      }
    });
  }
});

describe('keepsEssentials: fixes keep every character, moving only whole label lines', () => {
  const text = '标题\n\n信号一\n\n第一段文字。\n\n第二段文字。\n\n信号二\n';
  it('accepts the text unchanged and with spacing changed', () => {
    assert.ok(keepsEssentials(text, text));
    assert.ok(keepsEssentials(text, text.replace(/\n\n/g, '\n')));
  });
  it('accepts a label line moved to a line of its own elsewhere', () => {
    assert.ok(keepsEssentials(text, '标题\n\n信号一\n\n第一段文字。\n\n信号二\n\n第二段文字。\n'));
    assert.ok(keepsEssentials(text, '标题\n\n第一段文字。\n\n信号一\n\n第二段文字。\n\n信号二\n'));
  });
  it('refuses a lost label, a label moved into a line, other lines reordered, any character lost or added', () => {
    assert.ok(!keepsEssentials(text, '标题\n\n信号一\n\n第一段文字。\n\n第二段文字。\n'));
    assert.ok(!keepsEssentials(text, '标题\n\n信号一\n\n第一段文字。\n\n第二段信号二文字。\n'));
    assert.ok(!keepsEssentials(text, '标题\n\n信号一\n\n第二段文字。\n\n第一段文字。\n\n信号二\n'));
    assert.ok(!keepsEssentials(text, '标题\n\n信号一\n\n第一段文字。\n\n第二段文。\n\n信号二\n'));
    assert.ok(!keepsEssentials(text, '标题\n\n信号一\n\n第一段文字。\n\n第二段文字。\n\n信号二\n\n信号三\n'));
  });
});
