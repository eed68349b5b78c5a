// Decisions of the layout engine on small hand-written inputs: one test per piece of evidence.

import * as assert from 'node:assert/strict';
import { parseArticle } from '../../server/src/core/model';
import { emWidth, columnWidths } from '../../server/src/core/breaks/width';
import { leadingUnitWidth, isLetterSpaced, wordAcross, endsSentence, isLatinRun, endNamedBelow, opensWithConnective, endsPointingElsewhere } from '../../server/src/core/breaks/evidence';
import { SURE_PPM } from '../../server/src/core/breaks/decide';
import { breakRows } from '../../server/src/core/breaks/training';
import { BREAK_FEATURES } from '../../server/src/core/breaks/features';
import { BREAK_WEIGHTS } from '../../server/src/core/breaks/weights.generated';
import type { LineBreak } from '../../server/src/core/article';

/** Twelve-em lines of running text that fill their column. */
const FULL = ['我们在这一段里写下了很多字', '而且每一行都排满了整个栏宽', '读者看到的是连续不断的文字', '编辑需要把这些行重新连起来', '这样才能得到完整的一段文章'];

/** The break after the fragment whose text starts with `prefix`. */
function breakAfter(lines: readonly string[], prefix: string, separator = '\n'): LineBreak {
  const model = parseArticle(lines.join(separator) + '\n');
  const fragment = model.fragments.find((f) => f.text.startsWith(prefix));
  assert.ok(fragment, `no fragment starting with ${prefix}`);
  return model.breaks[fragment.index];
}

/** The kind of the break after the fragment whose text starts with `prefix`. */
function kindAfter(lines: readonly string[], prefix: string, separator = '\n'): string {
  return breakAfter(lines, prefix, separator).kind;
}

/** The model's probability that a break is a join (whatever it decided). */
function joinProbability(lineBreak: LineBreak): number {
  return (lineBreak.kind === 'wrap' ? lineBreak.confidencePpm : 1_000_000 - lineBreak.confidencePpm) / 1_000_000;
}

/** The features set at the break after the line that starts with `prefix` (lines one a line), as training reads them. */
function featuresAfter(lines: readonly string[], prefix: string): string[] {
  const text = lines.join('\n') + '\n';
  const lineStart = text.startsWith(prefix) ? 0 : text.indexOf('\n' + prefix) + 1;
  assert.ok(lineStart > 0 || text.startsWith(prefix), `no line starting with ${prefix}`);
  const row = breakRows(text, BREAK_WEIGHTS).find((r) => r.afterStart === text.indexOf('\n', lineStart) + 1);
  assert.ok(row?.features, `no weighed break after ${prefix}`);
  return BREAK_FEATURES.filter((_, k) => row.features![k] !== 0);
}

function article(...body: string[]): string[] {
  return ['标题在这里', ...FULL, ...body, ...FULL];
}

describe('layout evidence', () => {
  it('measures width in ems: Han 1, ASCII about half, spaces nothing', () => {
    assert.equal(emWidth('网络'), 2);
    assert.equal(emWidth('网 络'), 2);
    assert.ok(Math.abs(emWidth('GDP') - 1.65) < 0.01);
  });

  it('estimates the column from the lines around, and none where lines share no width', () => {
    const columns = columnWidths([12, 12, 11.5, 4, 12, 12, 3, 12]);
    assert.equal(columns[3], 12);
    assert.ok(Number.isNaN(columnWidths([40, 3, 25, 9, 60])[2]));
  });

  it('joins a full line that ends mid-sentence', () => {
    assert.equal(kindAfter(article('这一行排满了栏宽但句子还在继', '续下去直到这里才结束了。'), '这一行'), 'wrap');
  });

  it('ends the paragraph after a short line ending a sentence', () => {
    assert.equal(kindAfter(article('短短一句。', '新的一段从这里开始写起来'), '短短一句'), 'paragraph');
  });

  it('ends the paragraph after a short line even without a sentence mark', () => {
    const lines = article('这一段到这里结束。', '一个小标题', '新的一段从这里开始写起来');
    assert.equal(kindAfter(lines, '一个小标题'), 'block');
    assert.equal(parseArticle(lines.join('\n')).roles[FULL.length + 2], 'heading');
  });

  it('joins a full line whose sentence-end mark hangs past the column before a full line of Han characters', () => {
    // Expected a join until the fitted model shipped, then unsure until branch acc19 (p 0.789 on acc18). The
    // corpus was read as split (29 of 52 in prose) while a full next line and a short one were counted
    // together. Counted by the model's own features on train, news-train, dev and news-dev (gold from the
    // scorer's alignment): a hung sentence-end mark before a next line that fills its column goes on 29 of 29
    // times in prose and 12 of 12 in news short of 80 ems (0 of 1 past them, see the next test); the only
    // prose exceptions start with a Latin letter (`cpio(1)是被设计为与…`, tr109-mu/pm: 0 of 2), whose width
    // is only estimated (sentence-end-next-line-full-latin). This toy shape (Han characters only) now joins
    // at p 0.82.
    const lineBreak = breakAfter(article('这一行正好排满并且句子结束。', '下一行仍属于同一个段落的文字'), '这一行正好');
    assert.equal(lineBreak.kind, 'wrap', `${lineBreak.kind} at ${lineBreak.confidencePpm}`);
  });

  it('ends a long news paragraph at a full line ending a sentence, unless a quote is open', () => {
    // Two speakers quoted make the article news; its paragraph has run past 80 ems when the sentence ends.
    const speakers = ['教授李明说，这一段里写下了字', '主任王强指出，每一行排满了'];
    const paragraph = (...opening: string[]) => ['标题在这里', ...opening, ...FULL, ...FULL.slice(0, 2), '这一行正好排满并且句子结束。', '下一行仍属于同一个段落的文字', ...FULL];
    assert.equal(kindAfter(paragraph(...speakers), '这一行正好'), 'paragraph');
    assert.equal(kindAfter(paragraph('“教授李明说，这一段里写下了', '主任王强指出，每一行排满了'), '这一行正好'), 'wrap');
    // The same paragraph in prose that quotes nobody goes on more likely than not, and more likely than in
    // news. (Expected a join until the fitted model shipped, then unsure until branch acc18: in prose, such
    // a line 100 ems or more into its paragraph goes on 4 of 9 times on the corpus, but where the next line
    // fills the column too, as here, 6 of 6 (tr016 ×3, tr044-mu, tr080-mu, zh076-pt; the model's own
    // features, cross-validated p 0.75–0.97); in news past 80 ems 0 of 5.)
    const prose = breakAfter(paragraph(FULL[0], FULL[1]), '这一行正好');
    assert.ok(joinProbability(prose) > 0.5, `${prose.kind} at ${prose.confidencePpm}`);
    assert.ok(joinProbability(prose) > joinProbability(breakAfter(paragraph(...speakers), '这一行正好')));
  });

  it('goes on past a clause end on a full line in news, more likely than in prose', () => {
    // News paragraphs end at a sentence end: on news-train and news-dev 9 of 9 clause ends (`；` `：`) join
    // (nt004-pm `…等12家景区；` / `益阳市则计划…`, a coin toss before branch acc24); in documentation prose,
    // whose lists set an item a line, 30 of 122.
    const speakers = ['教授李明说，这一段里写下了字', '主任王强指出，每一行排满了'];
    const paragraph = (...opening: string[]) => ['标题在这里', ...opening, '这一行正好排满还有下文；', '下一行仍属于同一个段落的文字', ...FULL];
    const news = breakAfter(paragraph(...speakers), '这一行正好');
    assert.equal(news.kind, 'wrap', `${news.kind} at ${news.confidencePpm}`);
    assert.ok(joinProbability(news) > joinProbability(breakAfter(paragraph(FULL[0], FULL[1]), '这一行正好')) + 0.05);
  });

  it('ends the paragraph before a short line without punctuation after a full sentence end (a box label)', () => {
    const lines = article('这一行正好排满并且句子结束。', '关键词', '软件包是一种存档格式，它包含');
    assert.notEqual(kindAfter(lines, '这一行正好'), 'wrap');
    // A short line that ends with a mark is the paragraph's last line.
    assert.equal(kindAfter(article('这一行正好排满并且句子结束。', '关键词如下。', '软件包是一种存档格式，它包含'), '这一行正好'), 'wrap');
  });

  it('joins a wrapped title whose second line starts with a bound particle (所有 / 的数据！)', () => {
    const model = parseArticle(['记得备份您所有', '的数据！', ...FULL].join('\n') + '\n');
    assert.equal(model.breaks[0].kind, 'wrap');
  });

  it('joins a short line ending in a word that needs what follows (的, 和, 在 …) to the next', () => {
    assert.equal(kindAfter(article('短短一句。', '安全漏洞在软件上的', '缺陷', '新的一段从这里开始写起来'), '安全漏洞'), 'wrap');
    assert.equal(kindAfter(article('短短一句。', '软件包系统和', '依赖关系', '新的一段从这里开始写起来'), '软件包系统'), 'wrap');
    // 目的 is a word of its own: a heading may end with it.
    assert.notEqual(kindAfter(article('短短一句。', '我们这次活动的目的', '缺陷', '新的一段从这里开始写起来'), '我们这次'), 'wrap');
  });

  it('joins a title wrapped before a single character or a quoted term', () => {
    assert.equal(parseArticle(['安装前的硬件和操作系统的相关设', '', '置', '', ...FULL].join('\n')).breaks[0].kind, 'wrap');
    assert.equal(parseArticle(['种业振兴跑出', '“加速度”', ...FULL].join('\n')).breaks[0].kind, 'wrap');
    // A two-character box label below the title stands apart.
    assert.notEqual(parseArticle(['安全远程登录', '词汇', ...FULL].join('\n')).breaks[0].kind, 'wrap');
  });

  it('reads a letter-spaced line as full when it follows an indented first line (Latin widths are estimates)', () => {
    const lines = article('这一行正好排满并且句子结束。', '育种创新持续提速迈上台阶', '去年全国审定登记了品种', '共 2800 多 个 ， 比 上 年 多');
    assert.notEqual(kindAfter(lines, '育种创新'), 'wrap');
  });

  it('joins a line whose next line begins with punctuation that cannot start a line', () => {
    assert.equal(kindAfter(article('短行', '，然后继续写这一段的文字吧'), '短行'), 'wrap');
  });

  it('joins a stranded punctuation line to both neighbours when it does not end a sentence', () => {
    const lines = article('习近平总书记指出', ',', '各级领导干部要主动适应这些');
    assert.equal(kindAfter(lines, '习近平'), 'wrap');
    assert.equal(kindAfter(lines, ','), 'wrap');
  });

  it('joins after an opening quote left at the line end', () => {
    assert.equal(kindAfter(article('他说“', '这里是引号里的话。”'), '他说'), 'wrap');
  });

  it('joins a figure standing on its own line where a blank line follows every line, and is unsure of it elsewhere', () => {
    const lines = article('数字经济总量增长', '2017', '年达到新的高度，还在增长中');
    // The sample's extractor cuts lines at Latin and figure runs, in order, a blank line after each.
    assert.equal(kindAfter(lines, '数字经济', '\n\n'), 'wrap');
    assert.equal(kindAfter(lines, '2017', '\n\n'), 'wrap');
    // Elsewhere a figure alone on its line is mostly one pdfminer moved: on train, news-train, dev and
    // news-dev a figure line below a Chinese line mid-sentence joins it 14 of 40 times, the Chinese line
    // after it 17 of 56 (the scorer counts text out of order as kept apart). Expected joins on both sides
    // until the fitted model shipped; now the line before is not joined and neither break is sure.
    assert.notEqual(kindAfter(lines, '数字经济'), 'wrap');
    for (const prefix of ['数字经济', '2017']) assert.ok(breakAfter(lines, prefix).confidencePpm < SURE_PPM, prefix);
    assert.notEqual(kindAfter(article('数字经济总量增长', '年达到新的高度，还在增长中'), '数字经济'), 'wrap');
  });

  it('joins a letter-spaced (justified) short line', () => {
    assert.equal(kindAfter(article('此 工 具 最 初 针 对', '这个项目而设计，后来被推广了'), '此 工 具'), 'wrap');
  });

  it('joins across a word the segmenter finds split, where no column is known', () => {
    const split = breakAfter(['标题', '他说要加强国际网', '络空间治理的合作与交流'], '他说');
    assert.equal(split.kind, 'wrap');
    // Without the word across, no evidence either way: the corpus does not decide it (no-column breaks with
    // no punctuation on the line before and no word across join 5 of 10), so the break is not sure.
    const plain = breakAfter(['标题', '他说今天会下雨', '明天我们一起去公园散步'], '他说');
    assert.ok(plain.confidencePpm < SURE_PPM, `${plain.kind} at ${plain.confidencePpm}`);
    assert.ok(joinProbability(split) > joinProbability(plain));
  });

  it('treats a missing blank line as a wrap where blank lines follow every line', () => {
    const lines = ['标题', '他说今天会下雨', '明天我们一起去公园散步', '后来真的下雨了。'];
    // Without blank lines it is the no-column coin toss above (not sure either way).
    assert.ok(breakAfter(lines, '他说', '\n').confidencePpm < SURE_PPM);
    const text = '标题\n\n他说今天会下雨\n明天我们一起去公园散步\n\n后来真的下雨了。\n\n再后来天晴了。\n\n大家都很高兴。\n';
    const model = parseArticle(text);
    assert.equal(model.breaks[1].kind, 'wrap');
    assert.notEqual(model.breaks[2].kind, 'wrap');
  });

  it('joins the first line, a title, to its wrapped end of a few characters (水资源 / 发挥更大效益), not to a box word, a paragraph line or a piece cut at a figure', () => {
    // news-train nt023, docs train tr052: the title's end stands above the paragraph or the byline.
    const first = (lines: readonly string[]) => parseArticle(lines.join('\n') + '\n').breaks[0];
    assert.equal(first(['节水优先，让有限的水资源', '发挥更大效益', ...FULL]).kind, 'wrap');
    assert.equal(first(['海洋经济发展论坛在青岛', '举行', '据新华社青岛11月6日电', ...FULL]).kind, 'wrap');
    assert.equal(first(['Linux发行版本与Linux', '内核', ...FULL]).kind, 'wrap');
    // A box word under the title, a short first line of a paragraph that reads on (的…).
    assert.notEqual(first(['安全远程登录', '词汇', ...FULL]).kind, 'wrap');
    assert.notEqual(first(['特殊设备文件', '还有一些特殊', '的设备文件。', ...FULL]).kind, 'wrap');
    // A title complete in itself (a colon before its subject) keeps the heading below it apart.
    assert.notEqual(first(['依赖：Depends字段', 'DEBIAN政策', '推荐，建议，增强', ...FULL]).kind, 'wrap');
  });

  it('ends the paragraph before a line starting with an inline label (一、)', () => {
    assert.equal(kindAfter(article('这一行排满了栏宽但句子还在继', '二、第二项内容写在这里了。'), '这一行'), 'paragraph');
  });

  it('makes labels, bylines and the title blocks of their own', () => {
    const model = parseArticle('全国会议释放六大信号\n信号一\n网络强国战略思想形成\n据新华社\n');
    assert.deepEqual(model.roles, ['title', 'label', 'heading', 'byline']);
    assert.deepEqual(model.breaks.map((b) => b.kind), ['block', 'block', 'block']);
  });

  it('reads leading spaces as indentation where lines are indented, as lost text where they are not', () => {
    const indented = ['标题在这里', ...FULL.slice(0, 3), '  新的一段缩进了两格，内容很多', ...FULL.slice(0, 3), '  又一段缩进了两格，内容也很多', ...FULL.slice(0, 3), '  第三段缩进了两格，内容也很多', ...FULL];
    assert.equal(kindAfter(indented, FULL[2]), 'paragraph');
    assert.equal(kindAfter(indented.map((line) => line.trim()), FULL[2]), 'wrap');
    const lost = parseArticle(['标题在这里', ...FULL, '要加强同沿线国家的合作，建设', ' 世纪数字丝绸之路，还有很多', ...FULL].join('\n'));
    const gap = lost.breaks.find((b) => lost.fragments[b.index].text.endsWith('建设'))!;
    assert.equal(gap.kind, 'wrap');
    assert.equal(gap.keepsLeadingSpace, true);
  });

  it('keeps one space when it joins two Latin words, nothing between Han', () => {
    const model = parseArticle(['标题在这里', ...FULL, '我们使用的发行版叫做 Red', 'Hat，它也很常见，用户很多', ...FULL].join('\n'));
    const latin = model.breaks.find((b) => model.fragments[b.index].text.endsWith('Red'))!;
    assert.equal(latin.kind, 'wrap');
    assert.equal(latin.joiner, ' ');
    assert.equal(model.breaks[1].joiner, '');
  });
});

describe('evidence helpers', () => {
  it('finds sentence ends behind closing marks', () => {
    assert.equal(endsSentence('他说：“好。”'), true);
    assert.equal(endsSentence('他说：“好，'), false);
  });

  it('measures the unbreakable unit at the start of a line', () => {
    assert.equal(leadingUnitWidth('网络'), 1);
    assert.equal(leadingUnitWidth('“网络'), 2);
    assert.ok(leadingUnitWidth('Debian软件') > 3);
    assert.equal(leadingUnitWidth('向。下'), 2);
  });

  it('recognises letter-spaced lines and Latin runs', () => {
    assert.equal(isLetterSpaced('列 出 的 这 样 的 限 制'), true);
    assert.equal(isLetterSpaced('列出的这样的限制 GDP'), false);
    assert.equal(isLatinRun('32.9%'), true);
    assert.equal(isLatinRun('32.9%。'), false);
  });

  it('finds the term a line ends with named again in the next line or the one after, not at the start of the next line', () => {
    assert.equal(endNamedBelow('虚拟化和模拟器工具', '有几个虚拟化和模拟器工具', '可以选择。'), true);
    assert.equal(endNamedBelow('编译内核和相关模块', 'Debian 有它自己的方式', '来编译内核和相关模块。'), true);
    // A letter-spaced line is read without its spaces.
    assert.equal(endNamedBelow('文本数据的表达', '最 简 单 的 数 据 的 表 达 是', undefined), true);
    // At the next line's start it is repeatsLineEnd's shape (pinned on its own), not this one.
    assert.equal(endNamedBelow('配置内核模块', '内核模块是可以动态加载的', undefined), false);
    assert.equal(endNamedBelow('我们在这一段里写下了很多字', '而且每一行都排满了整个栏宽', '读者看到的是连续不断的文字'), false);
    // The end must be a term of Han characters.
    assert.equal(endNamedBelow('安装配置Debian', '在Debian上安装配置Debian', undefined), false);
  });

  it('reads a line opening with a connective that opens a sentence, not one whose first word is a longer word\'s end', () => {
    assert.equal(opensWithConnective('如果你不想让别人读到文件，'), true);
    assert.equal(opensWithConnective('首先要把它加密以后再传过去'), true);
    assert.equal(opensWithConnective('随着网络的普及'), true);
    // 除了 may close 移除了, 当 充当, 下面 按下面: not in the list.
    assert.equal(opensWithConnective('除了。有时候，某个软件包可'), false);
    assert.equal(opensWithConnective('当位于 domU 系统和外部网络之间'), false);
    assert.equal(opensWithConnective('你不想让别人读到文件的话，'), false);
  });

  it('sets a full line without punctuation apart from a next line opening with a connective (a heading above its paragraph)', () => {
    // The heading fills its column like a wrapped line; the connective opening the next line says the text
    // before it ended there (tr137 `尽管对于文件分享来说` / `通过网络挂载文件系统和传`).
    const heading = (next: string) => article('这样才能得到完整的一段文章。', '在共享的网络上安全地传文件', next, '就要把它加密以后再传过去。');
    assert.notEqual(kindAfter(heading('如果你不想让别人读到文件，'), '在共享'), 'wrap');
    assert.notEqual(kindAfter(heading('首先要把它加密以后再传过去'), '在共享'), 'wrap');
    // A line ending with a closing bracket ends a term too (tr080 `粘滞位（t或T替代其他用户的x）` / `如果…`).
    assert.notEqual(kindAfter(article('这样才能得到完整的一段文章。', '共享文件的权限（读写和执行）', '如果你不想让别人读到文件，', '就要把它加密以后再传过去。'), '共享文件'), 'wrap');
    // Without the connective the full line wraps on.
    assert.equal(kindAfter(heading('你不想让别人读到文件的话，'), '在共享'), 'wrap');
    // After a line with a clause inside, a connective may go on with its sentence (`不少乘客表示，过去` / `因为路程远`).
    assert.equal(kindAfter(article('不少乘客都在车站里表示，过去', '因为路程远只能在单位附近住。'), '不少乘客'), 'wrap');
  });

  it('reads a line ending with an aside or gloss in brackets, not a manual page\'s section or a sentence closed inside them', () => {
    // An aside or gloss closing the line closes a term, a heading or a list item (tr080-mu `拥有这个文件的用户（u）` /
    // `这个文件所属组的其他用户（g）`, zh058-pt `（参见第 7.6 节“沙盒”）` / `建立一个 chroot…`): after a full line 37 of
    // 45 such breaks join on train and dev, against 8,564 of 8,665 full lines that end no sentence.
    const after = (line: string) => featuresAfter(article(line, '如果你不想让别人读到文件，就把它加密。'), line.slice(0, 4)).includes('ends-with-closing-bracket');
    assert.equal(after('共享这个文件的其他用户（g）'), true);
    assert.equal(after('请安装这个隐私保护工具 (GNU Privacy Guard)'), true);
    // `chroot(8)` names a manual page: the bracket is part of the name.
    assert.equal(after('这里最基础的方法还是使用 chroot(8)'), false);
    // A sentence closed inside the brackets is a sentence end, read as such.
    assert.equal(after('（但并不全是这样，也有例外。）'), false);
    assert.equal(after('共享这个文件的其他用户和组'), false);
  });

  it('parts a line ending with a verb that points elsewhere from the text after it: the link or title it named was dropped', () => {
    // tr059-pt `…详情可访问` / `需要注意的是，…`, tr016 `…；参阅` / `第 4 步：等待回应`, tr060 `…的，请使用` / `注意，…`: the
    // object, set in another type, is not in the extracted text, and the text after it starts anew.
    assert.equal(endsPointingElsewhere('这个工具提供了一个 web 接口。详情可访问'), true);
    assert.equal(endsPointingElsewhere('在不订阅的情形下不再提供投递接口；参阅'), true);
    assert.equal(endsPointingElsewhere('如果系统是用 Debian 基本光盘安装的，请使用'), true);
    // `（参见` goes on with the section it names on the next line; 访问 closing a term (目录访问协议) is no pointer.
    assert.equal(endsPointingElsewhere('可以记录终端会话（参见'), false);
    assert.equal(endsPointingElsewhere('Unix 系统。轻量目录访问'), false);
    const lines = article('这是一个用浏览器打开的接口。详情可访问', '需要注意的是，这个系统并不支持它。');
    assert.ok(featuresAfter(lines, '这是一个').includes('ends-pointing-elsewhere'));
    assert.notEqual(kindAfter(lines, '这是一个'), 'wrap');
    // Without the pointing verb the full line with a clause inside goes on.
    assert.equal(kindAfter(article('这是一个用浏览器打开的接口。详情可以在', '需要注意的地方查到，不必担心。'), '这是一个'), 'wrap');
  });

  it('joins a news title wrapped over several lines above its byline', () => {
    // nt016: the title in its larger type wraps over four lines of a narrow column; the lines after the
    // first are shorter than the column and read as lines apart without the byline below them.
    const lead = ['初冬时节，赣南大地橙果', '飘香。在江西省赣州市信丰县', '的一处脐橙基地，果农们正忙', '着采摘、分拣、装箱，一辆辆', '冷链物流车满载着新鲜脐橙，', '从山间公路驶向全国各地。'];
    const titled = (...title: string[]) => [...title, '本报记者聂晚晴', '', ...lead];
    const wrapped = titled('山乡“蝶变”绘就振', '兴新图景——江西', '赣州乡村振兴一线', '见闻');
    assert.equal(kindAfter(wrapped, '兴新图景'), 'wrap');
    assert.equal(kindAfter(wrapped, '赣州乡村'), 'wrap');
    assert.notEqual(kindAfter(wrapped, '见闻'), 'wrap');
    assert.ok(featuresAfter(wrapped, '赣州乡村').includes('title-above-byline'));
    // A line ending a sentence above the byline is no title's; nor are lines with no byline below them.
    assert.ok(!featuresAfter(titled('山乡“蝶变”绘就振', '兴新图景——江西。', '赣州乡村振兴一线', '见闻'), '赣州乡村').includes('title-above-byline'));
    assert.ok(!featuresAfter(['山乡“蝶变”绘就振', '兴新图景——江西', '赣州乡村振兴一线', '见闻', '', ...lead], '赣州乡村').includes('title-above-byline'));
  });

  it('names the word split across a break', () => {
    assert.deepEqual(wordAcross('作出贡', '献时间'), { word: '贡献', left: 1, right: 1 });
    assert.equal(wordAcross('所有', '的数据'), undefined);
  });
  it('keeps a Latin run apart when the Chinese either side of it is one word without it (moved there)', () => {
    const lines = article('软件包是一种存档格式，它包含了安', 'Debian', '装一个软件将用到的所有文件。');
    assert.equal(kindAfter(lines, '软件包是'), 'block');
    assert.equal(kindAfter(lines, 'Debian'), 'block');
    // A run that fits where it stands is more likely joined, and not surely kept apart. (Expected joins
    // on both sides until the fitted model shipped: on train, news-train, dev and news-dev a Latin word
    // alone on its line that this test does not find moved joins the Chinese line before it 29 of 64
    // times and the one after it 30 of 96, the runs it finds moved 4 of 40; the rest are mostly runs
    // pdfminer moved elsewhere, or commands set apart.) Where a blank line follows every line it joins.
    const inPlace = article('这一行排满了栏宽我们先安装', 'Debian', '系统然后再配置它的网络。');
    for (const [moved, stays] of [
      ['软件包是', '这一行排满'],
      ['Debian', 'Debian'],
    ]) {
      const fits = breakAfter(inPlace, stays);
      assert.ok(joinProbability(fits) > joinProbability(breakAfter(lines, moved)), stays);
      assert.ok(fits.kind === 'wrap' || fits.confidencePpm < SURE_PPM, `${stays}: ${fits.kind} at ${fits.confidencePpm}`);
    }
    assert.equal(kindAfter(inPlace, '这一行排满', '\n\n'), 'wrap');
    assert.equal(kindAfter(inPlace, 'Debian', '\n\n'), 'wrap');
  });
  it('keeps apart a heading set down inside a paragraph, the lines around it reading on as one word (一 / 个)', () => {
    const lines = article('这一行排满了栏宽之后还有一', '', '网页应用的风险', '', '个坚决的攻击者可能会走到更远。');
    assert.equal(kindAfter(lines, '这一行排满'), 'block');
    assert.equal(kindAfter(lines, '网页应用'), 'block');
    // Without the word across it the short line is no intruder: the break before it is left to the width
    // and blank-line evidence, which does not decide it (a coin toss either way), and is more likely joined.
    const plain = article('这一行排满了栏宽之后还有两', '', '网页应用的风险', '', '个坚决的攻击者可能会走到更远。');
    const before = breakAfter(plain, '这一行排满');
    assert.notEqual(before.reason, 'intruding-line');
    assert.ok(before.confidencePpm < SURE_PPM, `${before.kind} at ${before.confidencePpm}`);
    assert.ok(joinProbability(before) > joinProbability(breakAfter(lines, '这一行排满')));
  });
  it('keeps the blocks of formatted text apart, a list item ending in a comma included', () => {
    const formatted = [
      '安全目标',
      '有几种方式可以达成这一目标，包括：',
      '通过在编译时添加增强安全性的编译选项来提供对已知安全问题的多种保护，进而提升程序安全性，',
      '改进系统的默认配置，使其对攻击（本地或远程）有更强的防御能力，',
      '启用新版本内核支持的安全特性。',
    ];
    const model = parseArticle(formatted.join('\n\n') + '\n');
    assert.deepEqual(model.breaks.map((lineBreak) => lineBreak.kind === 'wrap'), [false, false, false, false]);
  });
  it('starts a block at the next item of a numbered list, though the item before fills its line (一、… / 二、…)', () => {
    // dev zh056-pt (test/fixtures/news): the list items fill the column and the first ends on no mark, so
    // the width evidence says wrap; that the next line carries the label after the one opening the block
    // (next-label-continues-series) says the list goes on. The same line before a label out of series
    // (五、) is more likely a wrap.
    const list = (second: string) => [
      ...FULL,
      '账户的密码。这应该非常适合年级期',
      '间。',
      '以管理方式为用户设置新密码',
      '一、搜索要修改的用户，如上所述',
      `${second}点击用户名所在行尾的钥匙符`,
      '号',
      '三、在随后提供的页面上，你可以',
      '设置自己选择的新密码',
    ];
    const inSeries = breakAfter(list('二、'), '一、搜索');
    assert.notEqual(inSeries.kind, 'wrap');
    assert.notEqual(kindAfter(list('二、'), '号'), 'wrap');
    assert.ok(joinProbability(inSeries) < joinProbability(breakAfter(list('五、'), '一、搜索')));
  });
  it('joins the lines of a paragraph whose lines read on as words into the lines after next (地下/水, 承压水/道): no interleaved columns assumed', () => {
    // news-train nt023 (all three extractions): each line's tail reads on as a word into the line after next
    // (地下 + 水水位 → 地下水, 承压水 + 道重现 → 水道), which the interleaved-columns test (dropped) took for
    // two columns shuffled line by line, keeping `…深层承压水` apart from `水位平均回升…`. Under cross-validation
    // that test fired on 10 breaks of the four corpus sets and was wrong on all 10.
    const lines = [
      '季要浇4次水，现在用上水肥一体化，浇2次就',
      '够了，每亩还能增产50公斤左右。”',
      '得益于持续治理，华北地区地下水超采状',
      '况明显改善。2024年，京津冀治理区浅层地下',
      '水水位较2018年平均回升2.36米，深层承压水',
      '水位平均回升8.11米，部分地区泉水复涌、河',
      '道重现生机。',
    ];
    assert.ok(wordAcross(lines[4], lines[6]), 'the line after next reads on as a word (水道)');
    for (const prefix of ['得益于', '况明显', '水水位', '水位平均']) assert.equal(kindAfter(lines, prefix), 'wrap', prefix);
  });

});

describe('layout: a heading joined to the paragraph after it', () => {
  /** News columns of 19 characters (pdftotext): a section closes, the next heading starts with 三、. */
  const inlineHeading = [
    '北斗应用加速融入千行百业',
    '',
    '除了耕种收环节，北斗还在农机作业监',
    '测、农业保险查勘、耕地保护等方面发挥作',
    '用。在部分粮食主产区，农业部门依托北斗',
    '终端实时采集深松整地作业数据，作业面积',
    '核验由过去的人工抽查变为全量在线核查，',
    '补贴发放更加精准高效。',
    '',
    '三、大众消费应用加速普及',
    '北斗正在从“行业用”走向“大众',
    '用”。数据显示，今年上半年国内销售的智',
    '能手机中，支持北斗定位的机型占比达98%，',
    '北斗地基增强系统可为用户提供实时米级、',
    '分米级乃至厘米级定位服务。',
  ];

  it('sets apart a short unpunctuated heading opening a block, though it ends in a word like 普及', () => {
    // The model sets it apart itself (a title-shaped line opening a block ends with a word of its own:
    // ends-with-bound-word does not fire), so the heading-before-paragraph rule after it has nothing to do.
    assert.equal(kindAfter(inlineHeading, '三、大众'), 'block');
  });

  it('still joins a short line ending in a word that needs what follows (的, 和)', () => {
    for (const heading of ['三、大众消费应用中的', '三、大众消费应用和']) {
      const bound = inlineHeading.map((line) => (line.startsWith('三、') ? heading : line));
      assert.equal(kindAfter(bound, '三、大众'), 'wrap', heading);
    }
  });

  /** A column of 16 characters (pdfminer): a label, its title in a larger type, the paragraph. */
  const afterLabel = (title: readonly string[]) => [
    '全国能源工作会议释放四大信号',
    '',
    '本报记者符嘉言',
    '',
    '记者梳理发现，保供稳价、绿色转型、新型',
    '电力系统建设和能源体制改革，',
    '成为会上被反复提及的高频词。',
    '',
    ...title,
    '会议通报，2025 年全国能源生',
    '产总量预计达到 51.2 亿吨标准煤，',
    '同 比 增 长 4.1% 。 其 中 ， 原 煤 产 量',
    '48.6 亿吨，原油产量连续 4 年稳定',
    '在 2 亿 吨 以 上 ， 天 然 气 产 量 达 到',
    '2580 亿立方米。',
  ];

  it('sets apart the title right after a box label, which looks as full as a paragraph line', () => {
    const lineBreak = breakAfter(afterLabel(['信号一', '能源供应保障能力再上台阶']), '能源供应');
    assert.deepEqual([lineBreak.kind, lineBreak.reason], ['block', 'title-after-label']);
  });

  it('sets apart a title after its label wrapped onto the word that closes its quote, keeping the title whole', () => {
    // The head of a pdftotext extraction: columns of 17 to 22 characters, the title in a larger type.
    const lines = [
      '热线“接诉即办”，小诉求撬',
      '动城市治理大提升',
      '本报记者罗雨晴',
      '',
      '“您好，这里是 12345市民服务热线，',
      '请问有什么可以帮您？”每天，这句话在',
      '武汉市民服务热线中心要重复上万遍。今',
      '年以来，武汉12345热线共受理群众诉求',
      '860万件，诉求响应率保持100%，解决',
      '率和满意率分别达到 93.4%和95.1%。',
      '一条热线，正成为倾听民声、推动治理的',
      '“连心线”。',
      '焦点一',
      '',
      '快速响应——群众诉求“件件有回',
      '音”',
      '',
      '走进武汉市民服务热线中心， 300多名接线',
      '员正紧张有序地接听电话。大屏幕上，诉求数量、',
      '办理进度、热点问题等数据实时滚动更新，每张',
      '工单从受理、派发到办结、回访，全程留痕、可',
      '追溯。',
      '“接到来电后，我们要在2小时内把工单派到',
      '承办单位，紧急诉求要做到即接即转。”接线员',
      '方小雨已经在这里工作了6年，她说，最忙的时',
      '候每天要接 200多个电话，“有的市民刚打进来',
      '时情绪很激动，等问题解决了又专门打电话来道',
      '谢，这是我们最有成就感的时候”。',
      '',
      '家住江汉区某小区的胡春燕对热线的“速度”',
    ];
    assert.equal(kindAfter(lines, '快速响应'), 'wrap');
    assert.deepEqual([breakAfter(lines, '音”').kind, breakAfter(lines, '音”').reason], ['block', 'title-after-label']);
  });

  it('joins the line after a label when it names a quoted person or when a title stands before the label', () => {
    const speaker = afterLabel(['信号一', '国家能源局发展规划司副司长尹']).map((line) => (line.startsWith('会议通报') ? '若川表示：“能源安全是关系经济社' : line));
    assert.equal(kindAfter(speaker, '国家能源局'), 'wrap');
    assert.equal(kindAfter(afterLabel(['成本持续下降', '信号一', '能源供应保障能力再上台阶']), '能源供应'), 'wrap');
  });

  it('joins a labelled heading wrapped in its larger type onto a word the layout set apart, not a label after it', () => {
    // pdftotext, columns of 20 characters: the heading's line holds 15.
    const lines = [
      '据进行了逐段加速搜索，计算量相当于普通个',
      '人计算机连续运行200多年。',
      '',
      '共同作者之一。她表示，这类系统是研究双星',
      '演化的理想“天然实验室”，有助于科学家理解',
      '中子星如何获得极快的自转速度，以及中子星',
      '的最大质量等前沿问题。',
      '',
      '（三）为纳赫兹引力波探测提供新',
      '样本',
      '（二）“黑寡妇”揭示极端物理过',
      '程',
      '',
      '在新发现的系统中，编号为J2107+2243',
      '的脉冲星格外引人关注。它与伴星的轨道周期',
    ];
    assert.deepEqual([breakAfter(lines, '（三）').kind, breakAfter(lines, '（三）').reason], ['wrap', 'heading-wrapped']);
    assert.equal(kindAfter(lines, '样本'), 'block');
  });

  it('sets apart an unpunctuated line ending its block after a blank line from the text before it, where blank lines are rare', () => {
    // pdftotext, columns of 15 characters: the text before the heading is a piece the extractor displaced.
    const lines = [
      '良田良种良机齐发力，河南麦区再迎丰收年',
      '本报记者王建国、刘晓燕',
      '',
      '芒种时节，中原大地麦浪翻滚，联合收割机在田间来回穿梭，处处是繁忙的抢收景象。记者了解到，截至 6 月 10 日，河南已收获小麦',
      '7860万亩，占种植面积的92.4%，麦收进度快于往年同期。从各地实打实收测产情况看，今年小麦单产有望再创新高。',
      '地、适期适量播种、氮肥后移、一',
      '喷三防”等集成技术，示范区平均',
      '亩产比周边农田高出 8% 以上，良',
      '',
      '高标准农田托起丰收底气',
      '在驻马店市西平县，种粮大户',
      '李保全正忙着指挥收割机作业。',
      '“我流转的1200亩地全部建成了高',
      '标准农田，旱能浇、涝能排，浇地',
      '比过去省了一半的时间。”他说，',
      '经过实打实收测产，自家小麦亩产',
      '达 到 了 652 公 斤 ， 比 去 年 多 打 了',
      '40多公斤。',
      '记者在田间看到，沟渠路林配',
      '套齐全，每隔 100 米左右就设有智',
    ];
    assert.deepEqual([breakAfter(lines, '亩产比周边').kind, breakAfter(lines, '亩产比周边').reason], ['block', 'heading-after-blank']);
    // Where blank lines part every line (mutool), a list item may end bare: it still joins.
    const spaced = lines.filter((line) => line !== '').join('\n\n').split('\n');
    assert.equal(kindAfter(spaced, '亩产比周边'), 'wrap');
  });
});
