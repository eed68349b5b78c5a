// Numbers for people: plain digits (27,200,000,000,000), English words (27.2 trillion),
// Chinese magnitudes (27.2万亿), and what units, approximators and dates say in each language.

import type { Locale } from '../settings';

/** 27200000000000 → 27,200,000,000,000; 0.329 → 0.329. */
export function plainDigits(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 6 });
}

function trimmed(value: number, significant: number): string {
  return String(Number(value.toPrecision(significant)));
}

/** [from, scale, word]: 120,000 reads "120 thousand", 27.2 × 10¹² "27.2 trillion". */
const ENGLISH_SCALES: ReadonlyArray<readonly [number, number, string]> = [
  [1e12, 1e12, 'trillion'],
  [1e9, 1e9, 'billion'],
  [1e6, 1e6, 'million'],
  [1e4, 1e3, 'thousand'],
];

/** 27200000000000 → 27.2 trillion; 772000000 → 772 million; small numbers stay digits. */
export function englishNumber(value: number, significant = 6): string {
  const size = Math.abs(value);
  for (const [from, scale, word] of ENGLISH_SCALES) {
    if (size >= from) return `${trimmed(value / scale, significant)} ${word}`;
  }
  return trimmed(value, significant);
}

const CHINESE_SCALES: ReadonlyArray<readonly [number, string]> = [
  [1e12, '万亿'],
  [1e8, '亿'],
  [1e4, '万'],
];

/** 82674772036474 → 82.7万亿 (3 significant digits) or 82.6748万亿 (6). */
export function chineseNumber(value: number, significant = 6): string {
  const size = Math.abs(value);
  for (const [scale, word] of CHINESE_SCALES) {
    if (size >= scale) return `${trimmed(value / scale, significant)}${word}`;
  }
  return trimmed(value, significant);
}

/** 0.329 → 32.9%. */
export function percent(value: number): string {
  return `${trimmed(value * 100, 4)}%`;
}

const ENGLISH_UNITS: Readonly<Record<string, string>> = {
  '元': 'yuan', '美元': 'US dollars', '欧元': 'euros', '日元': 'yen', '港元': 'Hong Kong dollars', '英镑': 'pounds',
  '吨': 'tonnes', '公斤': 'kg', '千克': 'kg', '克': 'g', '毫克': 'mg', '斤': 'jin (½ kg)',
  '公里': 'km', '千米': 'km', '米': 'm', '厘米': 'cm', '毫米': 'mm', '纳米': 'nm',
  '平方公里': 'km²', '平方千米': 'km²', '平方米': 'm²', '平米': 'm²', '亩': 'mu (1/15 ha)', '公顷': 'ha',
  '立方米': 'm³', '升': 'litres', '千瓦时': 'kWh', '千瓦': 'kW', '兆瓦': 'MW', '瓦': 'W', '千伏': 'kV', '度': 'kWh',
  '年': 'years', '个月': 'months', '天': 'days', '周': 'weeks', '小时': 'hours', '个小时': 'hours', '分钟': 'minutes',
  '秒': 'seconds', '岁': 'years of age',
  '人': 'people', '人次': 'person-times', '名': 'people', '位': 'people', '户': 'households', '家': 'firms or institutions',
  '辆': 'vehicles', '台': 'units', '个': 'items', '项': 'items', '款': 'models', '座': 'facilities', '份': 'copies or samples',
  '件': 'pieces', '次': 'times', '条': 'items', '种': 'kinds', '类': 'categories', '批': 'batches', '代': 'generations',
  '大': 'major ones', '点': 'points', '倍': 'times', '分': 'points (score)', '级': 'level',
  '月': 'months', '星期': 'weeks', '个星期': 'weeks', '秒钟': 'seconds', '工作日': 'working days', '个工作日': 'working days',
  '个季度': 'quarters', '毫秒': 'ms', '微秒': 'µs', '纳秒': 'ns', '皮秒': 'ps', '周年': 'anniversary years',
  '个人': 'people', '节': 'lessons or sections', '门': 'courses', '堂': 'lessons', '课': 'lessons', '遍': 'times over',
  '圈': 'turns or laps', '回': 'times', '趟': 'trips', '轮': 'rounds', '单': 'orders', '巢': 'nests', '窝': 'litters or nests',
  '群': 'groups', '只': 'animals or items', '头': 'head (of livestock)', '尾': 'fish', '羽': 'birds', '株': 'plants',
  '棵': 'trees', '口': 'people or wells', '盏': 'lamps', '把': 'items with a handle', '杯': 'cups', '瓶': 'bottles',
  '罐': 'jars or cans', '箱': 'boxes', '包': 'packs', '袋': 'bags', '盒': 'boxes', '筐': 'baskets', '双': 'pairs',
  '副': 'sets', '扇': 'doors or windows', '面': 'flat items', '封': 'letters', '串': 'strings', '束': 'bunches', '朵': 'flowers',
  '幢': 'buildings', '栋': 'buildings', '堵': 'walls', '棚': 'sheds or greenhouses', '板': 'boards or runs',
  '国': 'countries', '省': 'provinces', '市': 'cities', '县': 'counties', '区': 'districts', '地': 'places', '乡': 'townships',
  '村': 'villages', '镇': 'towns', '岛': 'islands', '校': 'schools', '站': 'stations', '所': 'institutions', '间': 'rooms',
  '辆次': 'vehicle trips', '架次': 'flights', '项次': 'item-times', '件次': 'item-times', '场次': 'sessions', '班次': 'runs',
  '航次': 'voyages', '车次': 'train runs', '艘次': 'ship calls', '户次': 'household-times',
  '标准箱': 'TEU (twenty-foot containers)', '标箱': 'TEU (twenty-foot containers)', '自然箱': 'containers (as counted, of any size)',
  '吨标准煤': 'tonnes of standard coal equivalent', '吨标煤': 'tonnes of standard coal equivalent', '吨油当量': 'tonnes of oil equivalent',
  '亩次': 'mu worked (1/15 ha, counted each time)', '公顷次': 'ha worked (counted each time)',
  '吉瓦': 'GW', '伏': 'V', '摄氏度': '°C', '℃': '°C', '毫升': 'ml', '桶': 'barrels', '海里': 'nautical miles', '英里': 'miles',
  '微米': 'µm',
};

/** The SI prefixes as written in Chinese (千 k, 微 µ …) and the bases they take (焦 J, 央斯基 Jy …): 微央斯基 = µJy. */
const SI_PREFIX_SYMBOLS: Readonly<Record<string, string>> = { '千': 'k', '兆': 'M', '吉': 'G', '太': 'T', '毫': 'm', '微': 'µ', '纳': 'n', '皮': 'p' };
const SI_BASE_SYMBOLS: Readonly<Record<string, string>> = {
  '焦': 'J', '焦耳': 'J', '帕': 'Pa', '赫兹': 'Hz', '安培': 'A', '欧姆': 'Ω', '央斯基': 'Jy (jansky)', '特斯拉': 'T', '贝克': 'Bq',
};

function siUnit(unit: string): string | undefined {
  if (unit in SI_BASE_SYMBOLS) return SI_BASE_SYMBOLS[unit];
  const prefix = SI_PREFIX_SYMBOLS[unit[0]];
  const base = SI_BASE_SYMBOLS[unit.slice(1)];
  return prefix && base ? `${prefix}${base}` : undefined;
}

export function englishUnit(unit: string | undefined): string {
  if (unit === undefined) return '';
  return ENGLISH_UNITS[unit] ?? siUnit(unit) ?? unit;
}

/** 95后 → [1995, 1999]: the half-decade a generation was born in, from the two digits before 后. */
export function generationYears(text: string): readonly [number, number] | undefined {
  const match = /^(\d\d)后$/u.exec(text);
  if (!match) return undefined;
  const digits = Number(match[1]);
  const first = (digits >= 30 ? 1900 : 2000) + digits;
  return [first, first + 4];
}

const APPROX_MEANINGS: Readonly<Record<string, { en: string; zh: string }>> = {
  '约': { en: 'about', zh: '大约' },
  '近': { en: 'nearly', zh: '接近' },
  '将近': { en: 'nearly', zh: '接近' },
  '接近': { en: 'nearly', zh: '接近' },
  '超过': { en: 'more than', zh: '多于' },
  '逾': { en: 'over', zh: '多于' },
  '突破': { en: 'past', zh: '超出' },
  '不到': { en: 'under', zh: '少于' },
  '不低于': { en: 'at least', zh: '至少' },
  '上': { en: 'as many as', zh: '达到' },
  '过': { en: 'over', zh: '多于' },
  '破': { en: 'past', zh: '超出' },
  '±': { en: 'plus or minus', zh: '正负' },
  '余': { en: 'more than', zh: '多于' },
  '多': { en: 'more than', zh: '多于' },
  '以上': { en: 'or more', zh: '及以上' },
  '以内': { en: 'or less (within)', zh: '及以内' },
  '以下': { en: 'or less', zh: '及以下' },
  '左右': { en: 'about', zh: '大约' },
};

/** 超过 → "more than"; several joined with …. */
export function approxMeaning(approx: string, locale: Locale): string {
  return approx
    .split('…')
    .map((word) => APPROX_MEANINGS[word]?.[locale === 'zh-cn' ? 'zh' : 'en'] ?? word)
    .join(locale === 'zh-cn' ? '、' : ', ');
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function ordinalSuffix(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

/** 18 → 18th. */
export function englishOrdinal(n: number): string {
  return ordinalSuffix(n);
}

/** One date of a norm (2021-07-16, --04-20, ---20, Q1, 2024-12, T12:15) in words. */
function dateWords(norm: string, locale: Locale): string {
  const zh = locale === 'zh-cn';
  const [datePart, time] = norm.split('T');
  let words = '';
  const quarter = /^Q(\d)$/.exec(datePart);
  const full = /^(\d{4})?-(\d\d)(?:-(\d\d))?$/.exec(datePart.replace(/^--/, '-'));
  const day = /^---(\d\d)$/.exec(datePart);
  if (quarter) words = zh ? `第${quarter[1]}季度` : `quarter ${quarter[1]}`;
  else if (day) words = zh ? `${Number(day[1])}日` : `the ${ordinalSuffix(Number(day[1]))}`;
  else if (full) {
    const [, year, month, dayOfMonth] = full;
    if (zh) words = `${year ? `${year}年` : ''}${Number(month)}月${dayOfMonth ? `${Number(dayOfMonth)}日` : ''}`;
    else words = `${MONTHS[Number(month) - 1]}${dayOfMonth ? ` ${Number(dayOfMonth)}` : ''}${year ? ` ${year}` : ''}`;
  }
  if (time) words += zh ? ` ${time.replace(':', '时')}${time.includes(':') ? '分' : '时'}` : ` at ${time.includes(':') ? time : `${time}:00`}`;
  return words.trim();
}

/** A date norm in words: --04-20 → April 20; ---20/---21 → from the 20th to the 21st. */
export function dateNormWords(norm: string, locale: Locale): string {
  const [from, to] = norm.split('/');
  if (to === undefined) return dateWords(from, locale);
  return locale === 'zh-cn' ? `${dateWords(from, locale)}至${dateWords(to, locale)}` : `from ${dateWords(from, locale)} to ${dateWords(to, locale)}`;
}
