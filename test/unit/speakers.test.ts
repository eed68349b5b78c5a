import * as assert from 'node:assert/strict';
import { parseArticle } from '../../server/src/core/model';
import { speakersOf } from '../../server/src/core/speakers';

function speakers(body: string): string[] {
  return speakersOf(parseArticle(`标题在这里\n\n${body}\n`)).map((s) => `${s.name}|${s.role}`);
}

describe('people quoted', () => {
  it('splits title or affiliation from the name before a speech verb', () => {
    assert.deepEqual(speakers('中国工程院院士、清华大学教授吴建平说，网络安全很重要。'), ['吴建平|中国工程院院士、清华大学教授']);
    assert.deepEqual(speakers('国家能源局电力司司长顾振邦认为，“大电网的优势在于余缺互济。”'), ['顾振邦|国家能源局电力司司长']);
    assert.deepEqual(speakers('中国现代国际关系研究院信息所副所长李艳指出，要加强合作。'), ['李艳|中国现代国际关系研究院信息所副所长']);
  });

  it('knows the verbs 说 认为 指出 表示 介绍 强调 and words between name and verb', () => {
    const text = [
      '甲公司董事长王建国表示，今年订单增长。',
      '乙研究院研究员赵明也认为，市场会回暖。',
      '丙大学教授钱学文进一步指出，要重视人才。',
      '丁协会会长孙立平在接受采访时介绍，行业平稳。',
    ].join('\n\n');
    assert.deepEqual(speakers(text), [
      '王建国|甲公司董事长',
      '赵明|乙研究院研究员',
      '钱学文|丙大学教授',
      '孙立平|丁协会会长',
    ]);
  });

  it('finds a person introduced by an occupation in a sentence with a direct quote', () => {
    assert.deepEqual(
      speakers('在河南一个产粮大县的示范田里，种粮大户刘建军算起了丰收账：每亩纯收入约400元，“今年种粮的信心更足了”。'),
      ['刘建军|种粮大户'],
    );
  });

  it('reads a name followed by its title (习近平总书记指出)', () => {
    assert.deepEqual(speakers('习近平总书记指出，没有网络安全就没有国家安全。'), ['习近平|总书记']);
  });

  it('leaves out unnamed sources, organisations and reporters', () => {
    const text = [
      '一位退休职工说，“现在看病方便多了。”',
      '企业负责人说，订单已经排到年底。',
      '有关部门表示，将加强监管。',
      '农业农村部表示，将抓好夏播夏管。',
      '专家认为，市场总体平稳。',
      '业内人士分析，价格还会回落。',
      '本报北京4月8日电（记者柴晓楠说）种子是农业的“芯片”。',
      '他说，今年会更好。',
    ].join('\n\n');
    assert.deepEqual(speakers(text), []);
  });

  it('keeps names that contain numerals (章一凡) and counts every mention', () => {
    const model = parseArticle('标题\n\n联盟副秘书长章一凡认为，应加快建设。\n\n章一凡说，“让车主充得放心、用得省心。”\n');
    const [speaker] = speakersOf(model);
    assert.deepEqual([speaker.name, speaker.role, speaker.mentions], ['章一凡', '联盟副秘书长', 2]);
    assert.equal(model.text.slice(speaker.start, speaker.end), '章一凡');
  });

  it('reads a name split across lines and spacing inside the role', () => {
    const model = parseArticle('标题\n\n今夏用电负荷创新高。\n\n华北电力大学能源互联网研究中心主任温\n知远认为，“储能将成为保供的重要力量。”\n\n中国工程院院士 、 清华\n大学教授吴建平说，要加快突破。\n');
    assert.deepEqual(speakersOf(model).map((s) => `${s.name}|${s.role}`), [
      '温知远|华北电力大学能源互联网研究中心主任',
      '吴建平|中国工程院院士、清华大学教授',
    ]);
    assert.equal(model.text.slice(speakersOf(model)[0].start, speakersOf(model)[0].end), '温\n知远');
  });
});
