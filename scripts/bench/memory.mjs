// Resident memory of the language server with one large document open, as `npm run bench` measures it
// (its "Server memory" table), on its own:
//   node scripts/bench/memory.mjs [SIZE_MB] [raw|fixed] [--snapshot DIR] [--server BUNDLE] [--node-arg ARG]…
// --snapshot writes heap snapshots of the server (after diagnostics and symbols, and after an edit) into DIR.
// --server runs another build's server bundle (e.g. /work/base-dist/server.js) instead of this checkout's
// dist/server.js, so that two builds can be measured alternately by the same client; --node-arg passes an
// option to the server's node process (repeatable: e.g. --node-arg --require=./preload.cjs).

import fs from 'node:fs';
import path from 'node:path';
import { BenchServer } from './lsp.mjs';
import { MB, repeatedSample } from './texts.mjs';

const args = process.argv.slice(2);
const snapshotIndex = args.indexOf('--snapshot');
const snapshotDir = snapshotIndex >= 0 ? path.resolve(args.splice(snapshotIndex, 2)[1]) : undefined;
const serverIndex = args.indexOf('--server');
const serverPath = serverIndex >= 0 ? path.resolve(args.splice(serverIndex, 2)[1]) : undefined;
const extraNodeArgs = [];
for (let at = args.indexOf('--node-arg'); at >= 0; at = args.indexOf('--node-arg')) extraNodeArgs.push(args.splice(at, 2)[1]);
const sizeMb = Number(args[0] ?? 10);
const kind = args[1] ?? 'fixed';

/** Asks the server for a heap snapshot (it writes one on SIGUSR2) and waits until the file is complete. */
async function snapshot(server, dir) {
  const before = new Set(fs.readdirSync(dir));
  process.kill(server.child.pid, 'SIGUSR2');
  let last = -1;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.heapsnapshot') && !before.has(f));
    const size = files.reduce((sum, f) => sum + fs.statSync(path.join(dir, f)).size, 0);
    if (size > 0 && size === last) return files.map((f) => path.join(dir, f));
    last = size;
  }
}

const nodeArgs = [...extraNodeArgs, ...(snapshotDir ? ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${snapshotDir}`] : [])];
if (snapshotDir) fs.mkdirSync(snapshotDir, { recursive: true });
const server = await BenchServer.start(nodeArgs, serverPath);
try {
  const idle = server.memory();
  const text = repeatedSample(sizeMb * MB, kind);
  const uri = 'file:///bench/large.article';
  const started = performance.now();
  const diagnostics = await server.open(uri, text);
  const openMs = performance.now() - started;
  const afterDiagnostics = server.memory();
  const symbolsStarted = performance.now();
  const symbols = await server.request('textDocument/documentSymbol', { textDocument: { uri } });
  const symbolsMs = performance.now() - symbolsStarted;
  const loaded = server.memory();
  if (snapshotDir) console.log(`heap snapshot (document open): ${await snapshot(server, snapshotDir)}`);
  // A one-character edit: the server re-analyses from the previous version and should let that one go.
  const edited = await server.change(uri, 2, { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, '的');
  await server.request('textDocument/documentSymbol', { textDocument: { uri } });
  const afterEdit = server.memory();
  console.log(`${sizeMb} MB ${kind}: didOpen → diagnostics ${openMs.toFixed(0)} ms, ${diagnostics.length} diagnostics, ${symbols.length} root symbols (${symbolsMs.toFixed(0)} ms)`);
  if (snapshotDir) console.log(`heap snapshot (after an edit): ${await snapshot(server, snapshotDir)}`);
  console.log(`resident: idle ${idle.rssMb.toFixed(0)} MB, after diagnostics ${afterDiagnostics.rssMb.toFixed(0)} MB, after symbols ${loaded.rssMb.toFixed(0)} MB (peak ${loaded.peakMb.toFixed(0)} MB), after an edit ${afterEdit.rssMb.toFixed(0)} MB (peak ${afterEdit.peakMb.toFixed(0)} MB; ${edited.length} diagnostics)`);
} finally {
  await server.stop();
}
