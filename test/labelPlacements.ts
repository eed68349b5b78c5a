// Articles whose section labels (信号一…信号三) the extractor put in different places, for the unit and
// LSP tests of the displaced-label rule and the outline's tests of moved labels. Columns of 16 characters, as a narrow newspaper column prints.

export const PARAGRAPH = [
  '会议提出，要持续增强国内资源生',
  '产保障能力，全国能源生产总量力争',
  '达到新的水平，进一步提升煤炭、天',
  '然气储备和应急调峰能力。',
];
export const SPEAKER = ['国家能源局发展规划司副司长尹若', '川表示：“能源安全是关系经济社会', '发展全局的战略性问题。”'];
/**
 * A paragraph whose first line reads as a title (no clause mark, as wide as an indented first line) and
 * whose second line fills the column: an extractor may drop a label between the two.
 */
export const TITLE_LIKE_OPENING = ['浙江省湖州市安吉县的竹编工艺', '传承人周建国今年五十八岁，是家族', '的第四代传人。他在网上开设账号直', '播竹编，粉丝量已超过十万。'];
const HEADLINE = '全国能源工作会议释放三大信号';
const BYLINE = '本报记者 符嘉言';
export const TITLES = ['能源供应保障能力再上台阶', '绿色低碳转型步伐加快', '新型电力系统建设提速'];
export const LABELS = ['信号一', '信号二', '信号三'];

export type Placement = 'before' | 'after' | 'end' | 'byline' | 'speaker';

/**
 * The article with its labels where an extractor put them: on the line before each title (`before`, where
 * they belong), after it (`after`), all at the end of the page (`end`), the first beside the byline
 * (`byline`), the second between a paragraph and a speaker's line (`speaker`).
 */
export function article(placement: Placement): string {
  const lines = [HEADLINE];
  if (placement === 'byline') lines.push(LABELS[0]);
  lines.push(BYLINE, ...PARAGRAPH);
  TITLES.forEach((title, i) => {
    const label = LABELS[i];
    if (placement === 'before' || (placement === 'byline' && i > 0) || (placement === 'speaker' && i !== 1)) lines.push(label);
    lines.push(title);
    if (placement === 'after') lines.push(label);
    lines.push(...PARAGRAPH);
    if (placement === 'speaker' && i === 1) lines.push(label);
    lines.push(...SPEAKER);
  });
  if (placement === 'end') lines.push(...LABELS);
  return lines.join('\n') + '\n';
}

/** The labels each placement moved away from every title. */
export const DISPLACED: Record<Placement, readonly string[]> = {
  before: [],
  after: [],
  end: LABELS,
  byline: [LABELS[0]],
  speaker: [LABELS[1]],
};
