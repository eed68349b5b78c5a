// Benchmark texts: the sample article repeated with variation up to a size, so no two copies are equal
// (a cache keyed by text gains nothing from the repetition) while every copy keeps the sample's layout.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SAMPLE_DIR = path.join(ROOT, 'test', 'fixtures', 'sample');

export const MB = 1_000_000;

/** Common characters swapped in for some Han characters of each copy. */
const SWAPS = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严';

/** The sample (raw extraction, or its fixed form) repeated with variation to about `size` UTF-16 units. */
export function repeatedSample(size, kind = 'raw') {
  const file = kind === 'fixed' ? 'sample.fixed.article' : 'sample.raw.article';
  const sample = fs.readFileSync(path.join(SAMPLE_DIR, file), 'utf8');
  const parts = [];
  let length = 0;
  for (let copy = 0; length < size; copy++) {
    const part = vary(sample, copy) + '\n';
    parts.push(part);
    length += part.length;
  }
  return parts.join('').slice(0, size);
}

/** Copy `copy` of the sample: digits shifted and about one Han character in 23 swapped, deterministically. */
function vary(sample, copy) {
  if (copy === 0) return sample;
  let out = '';
  let han = 0;
  for (const ch of sample) {
    if (ch >= '0' && ch <= '9') out += String((Number(ch) + copy) % 10);
    else if (/\p{Script=Han}/u.test(ch) && (han++ * 7 + copy * 13) % 23 === 0) out += SWAPS[(han + copy * 31) % SWAPS.length];
    else out += ch;
  }
  return out;
}

/** The corpus extractions' paths (all `*.extracted.txt` under the corpus folder, sorted), or undefined when it is missing. */
export function corpusFiles(dir = process.env.ARTICLE_LINT_CORPUS ?? '/work/shared/corpus') {
  if (!fs.existsSync(dir)) return undefined;
  const files = [];
  const walk = (folder) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.extracted.txt')) files.push(full);
    }
  };
  walk(dir);
  return files.length === 0 ? undefined : files.sort();
}

/** The corpus extractions (all `*.extracted.txt` under the corpus folder), or undefined when it is missing. */
export function corpusTexts(dir) {
  return corpusFiles(dir)?.map((file) => fs.readFileSync(file, 'utf8'));
}
