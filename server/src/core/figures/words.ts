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
};

export function englishUnit(unit: string | undefined): string {
  if (unit === undefined) return '';
  return ENGLISH_UNITS[unit] ?? unit;
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
