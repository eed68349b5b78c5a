// Alternating whole-process timings of a few commands, for before/after comparisons on a shared machine:
//   node scripts/bench/ab.mjs RUNS 'NAME=node dist/cli.js FOLDER' 'NAME2=node other/cli.js FOLDER' …
// Each command runs once untimed, then RUNS times, the commands taking turns so that a change in the
// machine's load hits all of them; prints each one's median wall time and CPU time (user + system, from
// /usr/bin/time, which counts V8's helper threads too) and the load average before and after.

import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { median } from './cli.mjs';

const [runs, ...specs] = process.argv.slice(2);
if (!(Number(runs) > 0) || specs.length === 0) {
  console.error("usage: node scripts/bench/ab.mjs RUNS 'NAME=COMMAND ARGS' …");
  process.exit(2);
}
const commands = specs.map((spec) => {
  const equals = spec.indexOf('=');
  return { name: spec.slice(0, equals), args: spec.slice(equals + 1).split(' ').filter(Boolean) };
});
const wall = commands.map(() => []);
const cpu = commands.map(() => []);
const loadBefore = os.loadavg()[0];
for (let run = -1; run < Number(runs); run++) {
  commands.forEach((command, i) => {
    const started = performance.now();
    const result = spawnSync('/usr/bin/time', ['-f', '%U %S', ...command.args], { stdio: ['ignore', 'ignore', 'pipe'] });
    const ms = performance.now() - started;
    const [user, system] = result.stderr.toString().trim().split('\n').pop().split(' ').map(Number);
    if (result.status === null || result.status > 1 || Number.isNaN(user + system)) {
      throw new Error(`${command.args.join(' ')} failed (${result.status ?? result.signal}): ${result.stderr.toString().slice(0, 500)}`);
    }
    if (run >= 0) {
      wall[i].push(ms);
      cpu[i].push((user + system) * 1000);
    }
  });
}
commands.forEach((command, i) => {
  const times = wall[i].map((ms) => ms.toFixed(0)).join(' ');
  console.log(`${command.name.padEnd(14)} wall median ${median(wall[i]).toFixed(0)} ms [${times}]  CPU median ${median(cpu[i]).toFixed(0)} ms`);
});
console.log(`load average (1 min) ${loadBefore.toFixed(2)} → ${os.loadavg()[0].toFixed(2)} on ${os.availableParallelism()} cores`);
