#!/usr/bin/env node
// Dumps everything the core's analysis gives for a set of texts as JSON lines, so a speed change can be
// checked for identical output: `node scripts/bench/identity.mjs OUT.jsonl` before and after, then diff.
// Texts: every corpus file (extractions and truths), the sample, and repeated samples over the region
// size (200 KB raw and clean, so regions and their placement are covered). Per text: problems in English
// and Chinese (rule, severity, range, message, fix, related), outline with speakers, figures, speakers,
// fix-all output, and a re-analysis after a one-character edit from the previous analysis. Also the outline
// with speakers of an analysis in steps that reads the speakers in its steps (the language server's
// `speakers: 'in-steps'`; a core without the option reads them when asked), and the speakers after an edit
// from it.

import fs from 'node:fs';
import path from 'node:path';
import { loadCore } from '../load-core.mjs';
import { repeatedSample, ROOT } from './texts.mjs';

const out = process.argv[2];
if (!out) throw new Error('usage: node scripts/bench/identity.mjs OUT.jsonl');

const core = await loadCore();

const corpusDir = process.env.ARTICLE_LINT_CORPUS ?? '/work/shared/corpus';
const texts = [];
for (const sub of ['dev', 'news-dev']) {
  const dir = path.join(corpusDir, sub);
  if (!fs.existsSync(dir)) continue;
  for (const name of fs.readdirSync(dir).sort()) {
    if (name.endsWith('.txt')) texts.push([`${sub}/${name}`, fs.readFileSync(path.join(dir, name), 'utf8')]);
  }
}
const sampleDir = path.join(ROOT, 'test', 'fixtures', 'sample');
for (const name of ['sample.raw.article', 'sample.fixed.article']) {
  texts.push([name, fs.readFileSync(path.join(sampleDir, name), 'utf8')]);
}
texts.push(['repeated raw 200 KB', repeatedSample(200_000, 'raw')]);
texts.push(['repeated clean 200 KB', repeatedSample(200_000, 'fixed')]);
if (process.argv.includes('--large')) texts.push(['repeated raw 1 MB', repeatedSample(1_000_000, 'raw')]);

const zh = core.mergeSettings({ locale: 'zh-cn' });
const plain = (value) => JSON.parse(JSON.stringify(value));
const lines = [];
for (const [name, text] of texts) {
  const en = core.analyze(text, core.defaultSettings);
  const zhAnalysis = core.analyze(text, zh);
  const at = Math.floor(text.length * 0.37);
  const edited = text.slice(0, at) + '的' + text.slice(at);
  const reanalysed = core.analyze(edited, core.defaultSettings, en);
  const stepped = await core.analyzeInSteps(text, core.defaultSettings, undefined, async () => {}, { speakers: 'in-steps' });
  const steppedOutline = plain(stepped.outlineWithSpeakers('Speakers'));
  const steppedEdited = core.analyze(edited, core.defaultSettings, stepped);
  lines.push(JSON.stringify({
    name,
    problemsEn: plain(en.problems),
    problemsZh: plain(zhAnalysis.problems),
    outline: plain(en.outlineWithSpeakers('Speakers')),
    figures: plain(en.figures),
    speakers: plain(en.speakers),
    fixed: core.fixAll(text, core.defaultSettings),
    afterEdit: plain(reanalysed.problems),
    afterEditFigures: plain(reanalysed.figures),
    steppedOutline,
    steppedAfterEditSpeakers: plain(steppedEdited.speakers),
  }));
  process.stderr.write(`identity: ${name}\n`);
}
fs.writeFileSync(out, lines.join('\n') + '\n');
console.log(`${texts.length} texts → ${out}`);
