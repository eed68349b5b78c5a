// The CLI (dist/cli.js) on mangled corpus texts written to files: `--fix` writes what the core's fix-all
// gives, keeps the BOM, the mode and a symbolic link, and a second `--fix` changes nothing; `--fix --stdout`
// prints the same text; text the CLI refuses (a NUL, bytes that are not UTF-8) exits 2 with a one-line
// reason, the file untouched. Run `npm run build` first.
//
//   node scripts/fuzz/cli.mjs [--seed N] [--cases N | --minutes M] [--out DIR]

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCore } from '../load-core.mjs';
import { campaignOptions } from './options.mjs';
import { caseText, keepsEssentials, random, realTexts, ROOT } from './texts.mjs';

const args = campaignOptions(process.argv.slice(2), 40);

const core = await loadCore();
const CLI = path.join(ROOT, 'dist', 'cli.js');
const BOM = '\ufeff';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lint-fuzz-'));
const cli = (...argv) => spawnSync(process.execPath, [CLI, '--locale', 'en', ...argv], { encoding: 'utf8', cwd: dir, maxBuffer: 1 << 28 });

function check(ok, message) {
  if (!ok) throw new Error(message);
}

function runCase(rng, n) {
  const file = path.join(dir, `case-${n}.article`);
  const refused = rng.chance(0.08);
  let bytes;
  if (refused) {
    // A NUL, or bytes that are not UTF-8.
    const text = caseText(rng, reals, { maxLength: 5000 });
    bytes = rng.chance(0.5) ? Buffer.from(text + '\0') : Buffer.concat([Buffer.from(text), Buffer.from([0xc3, 0x28, 0xff])]);
  } else {
    bytes = Buffer.from(caseText(rng, reals, { maxLength: 20_000 }).replace(/\0/g, ''), 'utf8');
  }
  fs.writeFileSync(file, bytes);
  const mode = rng.pick([0o644, 0o600, 0o664]);
  fs.chmodSync(file, mode);
  // Through a symbolic link now and then: the link stays a link, the file gets the fix.
  const link = path.join(dir, `link-${n}.article`);
  const target = rng.chance(0.3) ? (fs.symlinkSync(file, link), link) : file;
  const result = cli('--fix', target);
  if (refused) {
    check(result.status === 2, `a refused file exits ${result.status}, not 2`);
    const lines = result.stderr.trim().split('\n');
    check(lines.length >= 1 && lines[0].includes(path.basename(target)), `no one-line reason naming the file: ${result.stderr.slice(0, 200)}`);
    check(fs.readFileSync(file).equals(bytes), 'a refused file was changed');
    return;
  }
  check(result.status === 0 || result.status === 1, `--fix exits ${result.status}: ${result.stderr.slice(0, 300)}`);
  const read = fs.readFileSync(file, 'utf8');
  const before = bytes.toString('utf8');
  const bom = before.startsWith(BOM);
  const expected = (bom ? BOM : '') + core.fixAll(bom ? before.slice(1) : before, core.defaultSettings);
  check(read === expected, `--fix wrote other than the core's fix-all (${read.length} vs ${expected.length} chars)`);
  check(keepsEssentials(before, read), '--fix drops or moves text');
  check((fs.statSync(file).mode & 0o777) === mode, `mode ${(fs.statSync(file).mode & 0o777).toString(8)} after --fix, was ${mode.toString(8)}`);
  if (target === link) check(fs.lstatSync(link).isSymbolicLink(), 'the link is no longer a link');
  const stdout = cli('--fix', '--stdout', target);
  check(stdout.status === 0 || stdout.status === 1, `--fix --stdout exits ${stdout.status}`);
  check(stdout.stdout === read, '--fix --stdout of the fixed file prints other than the file');
  const again = cli('--fix', target);
  check(again.status === 0 || again.status === 1, `a second --fix exits ${again.status}`);
  check(fs.readFileSync(file, 'utf8') === read, 'a second --fix changed the file');
  const json = cli('--format', 'json', target);
  check(json.status === 0 || json.status === 1, `--format json exits ${json.status}`);
  JSON.parse(json.stdout);
}

const reals = realTexts();
const deadline = Date.now() + args.minutes * 60_000;
const failures = new Map();
let cases = 0;
for (let n = 0; n < args.cases && Date.now() < deadline; n++) {
  cases++;
  try {
    runCase(random(args.seed * 1_000_003 + n), n);
  } catch (error) {
    const kind = String(error.message).replace(/\d+/g, 'N');
    failures.set(kind, (failures.get(kind) ?? 0) + 1);
    if (failures.get(kind) === 1) {
      console.log(`case ${n} (seed ${args.seed}): ${error.message}`);
      fs.mkdirSync(args.out, { recursive: true });
      fs.copyFileSync(path.join(dir, `case-${n}.article`), path.join(args.out, `cli-s${args.seed}-c${n}.article`));
    }
  }
}
fs.rmSync(dir, { recursive: true, force: true });
console.log(`done: ${cases} cases (seed ${args.seed})`);
for (const [kind, count] of failures) console.log(`  ${count}× ${kind}`);
process.exitCode = failures.size > 0 ? 1 : 0;
