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

  it('reads 在…看来, 接受…采访时 without 在, and 如是说 as attributions', () => {
    assert.deepEqual(speakers('在中国人民大学教授刘元春看来，政策效果正在显现。'), ['刘元春|中国人民大学教授']);
    assert.deepEqual(speakers('该公司总经理刘志强接受本报记者采访时表示，订单已排到明年。'), ['刘志强|该公司总经理']);
    assert.deepEqual(speakers('“政策红利正在释放。”北京师范大学教授万喆如是说。'), ['万喆|北京师范大学教授']);
    // 看来 alone (it seems) attributes nothing.
    assert.deepEqual(speakers('看来，今年的收成不错。研究员看来也很满意。'), []);
  });

  it('reads a name followed by how the person spoke (高兴地说), and a two-character name before a comma (市民张红，她说)', () => {
    assert.deepEqual(speakers('“没想到这么快就办好了！”市民刘芳高兴地说。'), ['刘芳|市民']);
    assert.deepEqual(speakers('村民张大山激动地表示，日子越过越好。'), ['张大山|村民']);
    assert.deepEqual(speakers('记者采访了市民张红，她说：“服务很贴心。”').map((s) => s.split('|')[0]), ['张红']);
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

  it('reads rarer surnames, and 单 only in a three-character name (单位 is a word)', () => {
    assert.deepEqual(speakers('国家医疗保障局副司长钮嘉平表示，集采不是单纯“砍价”。'), ['钮嘉平|国家医疗保障局副司长']);
    assert.deepEqual(speakers('研究所研究员单晓岚指出，专业调整要避免“一窝蜂”。'), ['单晓岚|研究所研究员']);
    assert.deepEqual(speakers('施工单位表示，将加快进度。'), []);
  });

  it('reads a transliterated name with its middle dot (汉斯·韦伯), after an occupation or a title', () => {
    // news-train nt021: the name ends where what follows it starts (一边拍照).
    assert.deepEqual(speakers('在上海外滩，来自德国的游客汉斯·韦伯一边拍照一边对记者说：“这是我第一次来中国。”'), ['汉斯·韦伯|来自德国的游客']);
    assert.deepEqual(speakers('美国斯坦福大学教授约翰·史密斯认为，合作前景广阔。'), ['约翰·史密斯|美国斯坦福大学教授']);
    // Without an occupation or a title nothing vouches for a name.
    assert.deepEqual(speakers('会上，弗朗西斯·培根说，知识就是力量。'), []);
    // A hyphen joins the parts of a given name (让-皮埃尔).
    assert.deepEqual(speakers('来自法国的游客让-皮埃尔·杜邦说：“中国的高铁太快了。”'), ['让-皮埃尔·杜邦|来自法国的游客']);
  });

  it('reads two people sharing one verb, each with their own role (…研究员李明和…教授王芳都认为)', () => {
    assert.deepEqual(speakers('中国社会科学院研究员李明和北京大学教授王芳都认为，消费将继续回暖。'), ['李明|中国社会科学院研究员', '王芳|北京大学教授']);
    assert.deepEqual(speakers('中国农业大学教授张强与农业农村部专家刘芳一致认为，单产还有潜力。'), ['张强|中国农业大学教授', '刘芳|农业农村部专家']);
    // 和 inside an organisation's name splits nothing.
    assert.deepEqual(speakers('国家发展和改革委员会副主任李春临表示，要扩大内需。'), ['李春临|国家发展和改革委员会副主任']);
  });

  it('reads the second of two speakers in one paragraph, after 则 (…副教授刘洋则表示)', () => {
    assert.deepEqual(speakers('浙江大学教授陈刚说：“要加强协同。”清华大学副教授刘洋则表示：“人才是关键。”'), ['陈刚|浙江大学教授', '刘洋|清华大学副教授']);
  });

  it('leaves 正如 out of the role (正如中国工程院院士钟南山所说)', () => {
    assert.deepEqual(speakers('正如中国工程院院士钟南山所说，“科学防控很重要”。'), ['钟南山|中国工程院院士']);
  });

  it('splits at the title word: 主任刘敏, not 主 and 任刘敏', () => {
    assert.deepEqual(speakers('眼科医院视光中心主任刘敏介绍，学校会及时通知家长。'), ['刘敏|眼科医院视光中心主任']);
    assert.deepEqual(speakers('医院院长任志强介绍，学校会及时通知家长。'), ['任志强|医院院长']);
  });

  it('drops a name cut short that only ever occurs inside a longer one (陈伟 of 陈伟强)', () => {
    assert.deepEqual(
      speakers('学院副教授陈伟强说，中国积累了丰富经验，“希望与中国加强合作”。'),
      ['陈伟强|学院副教授'],
    );
    assert.deepEqual(
      speakers('学院副教授陈伟强说，中国积累了丰富经验。\n\n研究员陈伟认为，“合作的空间还很大很大”。'),
      ['陈伟强|学院副教授', '陈伟|研究员'],
    );
  });

  it('finds people in the street introduced by their occupation, quoted in the same or the next sentence', () => {
    assert.deepEqual(
      speakers('在商丘市虞城县，村民赵红梅把家里的8亩地交给了托管服务组织。“打药、施肥、收割都不用操心。”'),
      ['赵红梅|村民'],
    );
    assert.deepEqual(speakers('退休教师邱慧珍今年78岁。“电梯装好后，我每天都下楼转一转。”'), ['邱慧珍|退休教师']);
    assert.deepEqual(speakers('家住益阳的乘客彭志刚特意买了纪念车票，“以后周末带孩子去看外婆”。'), ['彭志刚|家住益阳的乘客']);
    // The quotation comes later, after a sentence about something else: not tied to the person.
    assert.deepEqual(speakers('村民赵红梅把地交给了托管组织。今年收成不错，“打药、施肥都不用操心。”'), []);
    // A compound noun after the occupation is not a name.
    assert.deepEqual(speakers('全年旅客周转量同比增长5%。“今年的客流比往年都多。”'), []);
  });

  it('follows 他/她 from the person named to what they say', () => {
    assert.deepEqual(speakers('90后姑娘黄梓涵回到家乡开起了直播间。她说：“去年卖了不少脐橙。”'), ['黄梓涵|90后姑娘']);
    assert.deepEqual(speakers('学院副教授杨晓霞是论文的作者之一。她表示，这类系统很少见。'), ['杨晓霞|学院副教授']);
    assert.deepEqual(
      speakers('皮影戏传承人黄俊杰今年36岁。他在网上开设账号直播。“以前演一场戏，台下没几个人。”'),
      ['黄俊杰|皮影戏传承人'],
    );
    assert.deepEqual(speakers('90后姑娘黄梓涵回到家乡开起了直播间。她家门前有条河。'), []);
  });

  it('reads the name attributing a quote just closed, with a description or bare once introduced', () => {
    assert.deepEqual(
      speakers('“国庆假期的房间基本订满了。”在景区附近经营民宿的黄小琴说，她打算再招两名服务员。'),
      ['黄小琴|'],
    );
    assert.deepEqual(
      speakers('苗族蜡染传承人杨秀英正手把手地教学员画蜡。\n\n“现在在家门口就能靠手艺挣钱。”杨秀英说，订单最远卖到了欧洲。'),
      ['杨秀英|'],
    );
    // Not introduced anywhere: a word that looks like a name (文件, 杨秀英 alone) is not taken.
    assert.deepEqual(speakers('“现在在家门口就能靠手艺挣钱。”杨秀英说，订单最远卖到了欧洲。'), []);
    assert.deepEqual(speakers('“要加快推进项目建设进度。”会议印发的文件指出，各地要抓好落实。'), []);
    // A form of address after the description is no name.
    assert.deepEqual(speakers('“国庆假期的房间基本订满了。”在景区附近经营民宿的王老师说。'), []);
  });
});
