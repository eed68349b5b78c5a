#!/usr/bin/env node
// Copies the extractions and truths the break model is fitted and cross-validated on into the repository
// (training/corpus.json.gz), so `npm run train` runs from a clone without the shared corpus: the four shared
// sets, and the project's sample article (test/fixtures/sample, its expected fix as truth), the one
// extraction of its kind (a blank line after every line, Latin runs on lines of their own, in order).
//
//   node scripts/train/pack-corpus.mjs [CORPUS]   (default ../shared/corpus beside the repository)
//
// Written once from the shared corpus; the file is committed. Sets in a fixed order, ids sorted, and gzip
// without a timestamp, so the same corpus always packs to the same bytes.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SETS = ['train', 'news-train', 'dev', 'news-dev'];
const corpus = path.resolve(process.argv[2] ?? path.join(ROOT, '..', 'shared', 'corpus'));

const sets = {};
for (const set of SETS) {
  const dir = path.join(corpus, set);
  const ids = fs.readdirSync(dir).filter((name) => name.endsWith('.extracted.txt')).map((name) => name.slice(0, -'.extracted.txt'.length)).sort();
  sets[set] = ids.map((id) => ({
    id,
    extracted: fs.readFileSync(path.join(dir, `${id}.extracted.txt`), 'utf8'),
    truth: fs.readFileSync(path.join(dir, `${id}.truth.txt`), 'utf8'),
  }));
}
sets.sample = [
  {
    id: 'sample-seed',
    extracted: fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'sample', 'sample.raw.article'), 'utf8'),
    truth: fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'sample', 'sample.fixed.article'), 'utf8'),
  },
];
const out = path.join(ROOT, 'training', 'corpus.json.gz');
fs.mkdirSync(path.dirname(out), { recursive: true });
// gzip's header holds no time when mtime is 0, which zlib writes by default.
fs.writeFileSync(out, zlib.gzipSync(JSON.stringify({ source: 'shared corpus: train, news-train, dev, news-dev (extracted + truth); sample: test/fixtures/sample', sets }), { level: 9 }));
console.log(`${[...SETS, 'sample'].map((set) => `${set} ${sets[set].length}`).join(', ')} -> ${path.relative(process.cwd(), out)} (${fs.statSync(out).size} bytes)`);
