// What a Chinese personal name and the title before it look like: the tables speakers.ts reads.

import { CodeSet } from '../charClasses';

/**
 * Common single-character surnames. Characters that mostly end a title or an organisation
 * (长 as in 院长, 部 as in 农业农村部, 家 as in 专家, 书 as in 书记) are left out on purpose: a
 * name starting with them is far rarer than the title they end.
 */
const SINGLE_SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈' +
  '姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向' +
  '汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕季' +
  '裴霍涂苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳穆卓古吉缪简车项连芦麦褚娄窦戚岑景党' +
  '宫费卜冷晏席卫米柏宗瞿桂佟应臧闵苟邬边卞姬仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝官封谈匡鞠' +
  '惠荆乐冀郁胥班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿狄' +
  '计索宣晋相初云容敬扈晁芮阙浦戈伏鹿薄邸雍辜羊乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇哈湛宾戎' +
  '勾茅於呼居揭干尉冶斯束檀衣展阴昝智幸奉植衡富尧闭习' +
  // Rarer surnames that seldom start anything else a speech verb follows.
  '钮訾郗逄笪仉';

/** Surnames that also start a common word (单位): only a three-character name is read with them (单晓岚). */
const SURNAMES_OF_LONG_NAMES_ONLY = '单';

const COMPOUND_SURNAMES = ['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐', '端木', '独孤', '南宫', '西门'];

const SURNAMES: ReadonlySet<string> = new Set(SINGLE_SURNAMES);
const LONG_NAMES_ONLY: ReadonlySet<string> = new Set(SURNAMES_OF_LONG_NAMES_ONLY);

/** The first characters of the compound surnames. */
const COMPOUND_STARTS: ReadonlySet<string> = new Set(COMPOUND_SURNAMES.map((surname) => surname[0]));
const HAN_NAME = /^\p{Script=Han}{2,4}$/u;

/** Whether `name` (2–4 Han characters) opens with a surname: 吴建平, 李艳, 欧阳明远. */
export function startsWithSurname(name: string): boolean {
  // The tables first, the characters' script last: the speakers ask this of every clause before a speech verb.
  const first = name[0];
  if (COMPOUND_STARTS.has(first) && COMPOUND_SURNAMES.some((surname) => name.startsWith(surname))) return name.length >= 3 && HAN_NAME.test(name);
  if (LONG_NAMES_ONLY.has(first)) return name.length === 3 && HAN_NAME.test(name);
  return name.length <= 3 && SURNAMES.has(first) && HAN_NAME.test(name);
}

/** Last characters of a title or occupation just before a name: 院长, 研究员, 教授, 院士, 大户. */
const ROLE_ENDS = '长员授士家任户师理监裁事官生者人工民表记席主手导编农姐哥嫂叔婶伯爷奶妈爸婆娘友客东板夫医警兵委干将帅';
const ROLE_END = new CodeSet(ROLE_ENDS);

export function endsLikeRole(role: string): boolean {
  return role.length > 0 && ROLE_END.has(role.charCodeAt(role.length - 1));
}

/** `endsLikeRole` of the one character whose code is `code` (read per character of a passage: no string made). */
export function isRoleEnd(code: number): boolean {
  return ROLE_END.has(code);
}

/** Occupations that introduce a named person even without a speech verb (种粮大户刘建军算起了账). */
export const ROLE_WORDS = [
  '大户', '农民', '村民', '居民', '市民', '职工', '工人', '店主', '摊主', '车主', '船长', '司机', '老板',
  '经理', '厂长', '站长', '支书', '书记', '主任', '教授', '研究员', '院士', '专家', '工程师', '技术员',
  '董事长', '总经理', '所长', '院长', '局长', '司长', '处长', '科长', '队长', '社长', '校长', '老师', '医生',
  '志愿者', '创始人', '负责人', '代表', '委员', '秘书长', '会长', '理事长', '主席', '部长', '科学家',
  // People in the street a reporter talks to: 果农马俊山, 乘客彭志刚, 家长王秀兰, 退休教师邱慧珍.
  '果农', '菜农', '茶农', '渔民', '牧民', '乘客', '旅客', '游客', '患者', '家长', '学生', '教师', '传承人',
  '接线员', '店长', '员工', '护士', '民警', '姑娘', '小伙',
];

/** Titles printed after a name (习近平总书记指出, 王强教授说). */
export const TITLES_AFTER_NAME = [
  '总书记', '副主席', '主席', '副总理', '总理', '委员长', '书记', '省长', '市长', '部长', '院士', '教授',
  '研究员', '先生', '女士', '老师', '博士', '同志', '局长', '主任', '院长', '所长',
];

/** Speech verbs that introduce what a person said, longest first. */
export const SPEECH_VERBS = [
  '告诉记者', '对记者说', '接受采访时说', '表示', '认为', '指出', '介绍', '强调', '坦言', '透露', '解释', '谈到',
  '提到', '直言', '感慨', '回忆', '预计', '判断', '提醒', '呼吁', '建议', '分析', '补充', '说道', '说', '称',
  // 在…看来: a view attributed as a saying is (在中国人民大学教授刘元春看来，…); read only after 在 (IN_VIEW_OF).
  '看来',
];

/** The verb of 在<role><name>看来, which attributes only with 在 opening its clause. */
export const IN_VIEW_OF = { opener: '在', verb: '看来' } as const;

/** Words between a name and its verb that do not belong to either (张三也说, 张三进一步指出). */
export const ADVERBS_BEFORE_VERB = [
  '进一步', '同时', '明确', '直接', '坦率地', '笑着', '反复', '多次', '一再', '一致', '纷纷', '也', '还', '则', '又', '都', '均', '曾', '就此', '对此', '如是',
];

/** Words that open a clause before the role (据国家能源局副局长…介绍, 正如…院士钟南山所说). */
export const CLAUSE_OPENERS = ['另据', '对此', '其中', '此外', '同时', '正如', '据', '但', '而', '并'];
