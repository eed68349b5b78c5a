// The words figures are made of: units and measure words, approximators, and the fixed names and
// idioms whose numerals are not quantities.

import type { FigureKind } from './types';

export interface UnitInfo {
  /** What a number with this unit is. 'time' is a duration (an amount); 'date' a point in time. */
  readonly kind: 'amount' | 'count' | 'share' | 'number' | 'time';
  /** The unit reported (1毛钱 is reported in 元). */
  readonly unit: string;
  /** Power of ten from the written unit to the reported one (毛 = 0.1 元, % = 0.01). */
  readonly exponent: number;
  /** May follow a Chinese numeral (三角形 is not 0.3 元, 十分 is not a score). */
  readonly afterChinese: boolean;
}

function table(kind: UnitInfo['kind'], words: string, extra: Partial<UnitInfo> = {}): Array<[string, UnitInfo]> {
  return words.split(' ').map((word) => [word, { kind, unit: word, exponent: 0, afterChinese: true, ...extra }]);
}

const MONEY = table('amount', '元 美元 欧元 日元 港元 英镑 卢布 韩元 澳元');
const MEASURES = table(
  'amount',
  '吨 公斤 千克 克 毫克 斤 公里 千米 米 厘米 毫米 微米 纳米 海里 英里 平方公里 平方千米 平方米 平米 亩 公顷 ' +
    '立方米 升 毫升 桶 千瓦时 千瓦 兆瓦 吉瓦 瓦 千伏 伏 度 摄氏度 ℃ 岁 ' +
    // Energy counted in coal or oil equivalent, and areas worked several times over (亩次: 1亩 worked twice is 2亩次).
    '吨标准煤 吨标煤 吨油当量 亩次 公顷次',
);
/** SI prefixes written in Chinese, and the units that take them (微央斯基 = µJy, 纳秒 = ns). */
const SI_PREFIXES = ['', '千', '兆', '吉', '太', '毫', '微', '纳', '皮'];
const SI_MEASURES: Array<[string, UnitInfo]> = ['焦', '焦耳', '帕', '赫兹', '安培', '欧姆', '央斯基', '特斯拉', '贝克'].flatMap((base) =>
  table('amount', SI_PREFIXES.map((prefix) => prefix + base).join(' ')),
);
const LATIN_MEASURES = table(
  'amount',
  'Mbps Gbps Kbps kbps GB TB MB KB PB GHz MHz Hz km kg cm mm nm kW MW GW kWh MWh GWh mAh kV',
  { afterChinese: false },
);
const DURATIONS = table('time', '年 个月 天 周 个星期 星期 小时 个小时 分钟 秒 秒钟 毫秒 微秒 纳秒 皮秒 个工作日 工作日 个季度');
/**
 * The measure words (量词) of standard Chinese that count things, not only those seen so far: for people
 * and bodies (人 名 位 口), animals, plants, objects, buildings, vehicles, lessons and texts, events and
 * turns (次 遍 趟 圈 回 轮), places (国 省 市 县 区 地 乡 村 镇), and containers used as units (箱 标准箱 TEU).
 */
const MEASURE_WORDS = table(
  'count',
  '个 个人 人次 人 家 台 辆 户 名 位 项 款 座 份 件 次 条 所 只 头 匹 株 棵 篇 部 本 张 场 批 套 颗 架 艘 列 趟 处 ' +
    '栋 间 种 类 起 宗 例 支 片 枚 根 块 代 笔 组 对 层 道 轮 期 届 国 省 县 村 镇 粒 辆次 架次 班 首 幅 册 ' +
    '大 点 周年 板 ' +
    '节 门 堂 课 遍 圈 回 单 巢 窝 群 尾 羽 口 盏 把 杯 瓶 罐 箱 包 袋 盒 筐 双 副 扇 面 封 串 束 朵 ' +
    '幢 堵 棚 市 区 地 乡 岛 校 站 项次 件次 场次 班次 航次 车次 艘次 户次 ' +
    '标准箱 标箱 自然箱',
);
const UNITS = new Map<string, UnitInfo>([
  ...MONEY,
  ...MEASURES,
  ...SI_MEASURES,
  ...LATIN_MEASURES,
  ...DURATIONS,
  ...MEASURE_WORDS,
  ['元人民币', { kind: 'amount', unit: '元', exponent: 0, afterChinese: true }],
  ['人民币', { kind: 'amount', unit: '元', exponent: 0, afterChinese: true }],
  ['块钱', { kind: 'amount', unit: '元', exponent: 0, afterChinese: true }],
  ['毛钱', { kind: 'amount', unit: '元', exponent: -1, afterChinese: false }],
  ['毛', { kind: 'amount', unit: '元', exponent: -1, afterChinese: false }],
  ['角', { kind: 'amount', unit: '元', exponent: -1, afterChinese: false }],
  ['分钱', { kind: 'amount', unit: '元', exponent: -2, afterChinese: false }],
  ['%', { kind: 'share', unit: '%', exponent: -2, afterChinese: false }],
  ['％', { kind: 'share', unit: '%', exponent: -2, afterChinese: false }],
  ['‰', { kind: 'share', unit: '‰', exponent: -3, afterChinese: false }],
  ['成', { kind: 'share', unit: '成', exponent: -1, afterChinese: true }],
  ['个百分点', { kind: 'share', unit: '个百分点', exponent: -2, afterChinese: true }],
  ['百分点', { kind: 'share', unit: '百分点', exponent: -2, afterChinese: true }],
  ['倍', { kind: 'number', unit: '倍', exponent: 0, afterChinese: true }],
  ['分', { kind: 'number', unit: '分', exponent: 0, afterChinese: false }],
  ['级', { kind: 'number', unit: '级', exponent: 0, afterChinese: false }],
]);

const LONGEST_UNIT = Math.max(...[...UNITS.keys()].map((unit) => unit.length));

/**
 * Characters after a measure word that make it the first character of another word: 3单位 is not
 * 3单 (orders), 2市场 not 2市, 5地铁 not 5地, 3门店 not 3门. The number then has no unit there.
 */
const UNIT_SPOILERS: Readonly<Record<string, string>> = {
  '个人': '才工民士性所员口',
  '单': '位元独',
  '市': '场民值长委区级',
  '区': '域间别块级',
  '地': '铁区方下面域产点块',
  '门': '户槛店诊票口类窗峡',
  '口': '岸径罩袋子',
  '站': '点台',
  '面': '积性',
  '扇': '区形贝',
  '回': '收事',
  '课': '程时题',
  '校': '园区',
  '包': '括装',
  '把': '握关',
  '节': '日能约点',
  '板': '块球书材报',
};

/** The longest unit written at `start`, if any. */
export function unitAt(text: string, start: number): { word: string; info: UnitInfo } | undefined {
  for (let length = Math.min(LONGEST_UNIT, text.length - start); length > 0; length--) {
    const word = text.slice(start, start + length);
    const info = UNITS.get(word);
    if (info && !oneOf(UNIT_SPOILERS[word] ?? '', text[start + length])) return { word, info };
  }
  return undefined;
}

/** Units that begin with a numeral character: a numeral stops before them (8000万千瓦, 百万千瓦级). */
export const NUMERAL_LED_UNITS = [
  '千瓦时', '千瓦', '千克', '千米', '千伏', '千卡', '百分点', '万分之', '千分之', '百分之',
  ...SI_MEASURES.map(([word]) => word).filter((word) => word.startsWith('千')),
];

/** Approximators written before a number, longest first (超过 before 过, 将近 and 接近 before 近). */
export const APPROX_BEFORE = ['不低于', '将近', '接近', '超过', '突破', '不到', '约', '近', '逾', '上', '过', '破', '±'];
/** Written after a number or its unit. */
export const APPROX_AFTER = ['以上', '以内', '以下', '左右'];
/** Written between a number and its unit (700余家, 300多个). */
export const APPROX_INSIDE = ['余', '多'];

/** Characters before an approximator that make it part of another word (节约, 最近, 通过, 打破). */
export const APPROX_SPOILERS: Readonly<Record<string, string>> = {
  // 不超过 is "not more than": the figure is then the bound itself, written bare (不超过2.5厘米 → 2.5厘米).
  '超过': '不',
  '约': '节制签公合相条履违预契简特邀婚誓集',
  '近': '最接附将靠亲临邻就逼贴',
  '过': '超通经不越错跨路透穿放改罪难闯',
  '破': '打攻冲击爆识说看残',
};
/** 上 counts as "as many as" only before a bare magnitude: 上千亩, 上万人. */
export const APPROX_MAGNITUDE_ONLY = new Set(['上']);

/** Characters before 前 that make it part of another word (目前, 此前, 提前). */
export const FRONT_SPOILERS = '目此提当以之空眼跟面向超年日事';

/** Words whose numerals are names, not quantities. */
export const NAMES = [
  '一带一路', '新三样', '老三样', '三北', '三夏', '三秋', '三农', '三支一扶', '百日千万', '两会', '两弹一星',
  '四个全面', '五位一体', '一国两制', '双十一', '一网通办', '一网统管', '两山', '三重一大', '四风', '互联网+', '互联网＋',
  '两个确立', '两个维护', '四个意识', '四个自信', '三个代表', '八项规定',
  '第一产业', '第二产业', '第三产业', '第一书记',
  // Programmes, policies and markets named by their counts, like 三农: 一喷三防 (one spraying against three
  // pests), 三包 (repair, replacement, refund), 新三板 (a share market), 三区三州 (the poorest areas).
  '一喷三防', '一村一品', '一县一业', '三品一标', '三权分置', '一懂两爱', '三包', '新三板', '三区三州',
];

/** Idioms and fixed words whose numerals are not figures. */
export const IDIOMS = [
  '千行百业', '千家万户', '千方百计', '千辛万苦', '千变万化', '千军万马', '千里之外', '千千万万', '千载难逢',
  '千篇一律', '千姿百态', '千锤百炼', '千丝万缕', '千差万别', '千真万确', '成千上万', '万无一失', '万众一心',
  '万水千山', '一票难求', '一日一图', '低人一等', '三番五次', '三天两头', '四面八方', '五湖四海', '七上八下',
  '十全十美', '百花齐放', '百年大计', '百家争鸣', '一心一意', '九牛一毛', '三五成群', '五花八门', '一举两得',
  '两全其美', '三令五申', '四通八达', '一五一十', '十有八九', '三心二意', '百尺竿头', '百折不挠', '一干二净',
  '接二连三', '一清二楚', '乱七八糟', '七嘴八舌', '六神无主', '九死一生', '十拿九稳', '百发百中', '一石二鸟',
  '三言两语', '两面三刀', '三头六臂', '十分', '万分', '万一', '第一时间', '第三方', '七台河', '五台山',
  '三元里', '一五计划', '成百上千', '四处', '九天揽月', '二人转',
];

/** Measure words an ordinal may carry (第三次, 第一季, 十八届); any one-character measure word of counts too (第一大, 第一板). */
export const ORDINAL_MEASURES = '次个届季名位批轮期条章节项家代号座天年场部款站类种步页版集卷课';

/** The one-character measure word of counts at `at` (not the first character of another word): 第一大, 第一板. */
export function countMeasureAt(text: string, at: number): string | undefined {
  const unit = unitAt(text, at);
  return unit && unit.word.length === 1 && unit.info.kind === 'count' ? unit.word : undefined;
}

export const KIND_OF_UNIT: Readonly<Record<UnitInfo['kind'], FigureKind>> = {
  amount: 'amount',
  time: 'amount',
  count: 'count',
  share: 'share',
  number: 'number',
};

/** Is `ch` one of the characters in `chars`? (Unlike chars.includes, false at the text's ends.) */
export function oneOf(chars: string, ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && chars.includes(ch);
}
