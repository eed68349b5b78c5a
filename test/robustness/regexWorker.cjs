// Runs regular expressions against adversarial 1 MB inputs in a worker thread, so a pattern that
// backtracks forever can be stopped from outside. Reports one message per pattern: its slowest input.

const { parentPort, workerData } = require('node:worker_threads');

const SIZE = workerData.size;

/** Characters a pattern mentions, as sample characters: literals, range ends, and one of each escape class. */
function charactersOf(source) {
  const found = new Set();
  const add = (ch) => {
    if (ch && found.size < 8) found.add(ch);
  };
  const classes = { d: '1', D: '网', s: ' ', S: 'a', w: 'a', W: '，', b: '', B: '' };
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      const next = source[i + 1];
      if (next === 'u' && source[i + 2] === '{') {
        const end = source.indexOf('}', i);
        add(String.fromCodePoint(parseInt(source.slice(i + 3, end), 16)));
        i = end;
      } else if (next === 'u') {
        add(String.fromCharCode(parseInt(source.slice(i + 2, i + 6), 16)));
        i += 5;
      } else if (next === 'p' || next === 'P') {
        const end = source.indexOf('}', i);
        const name = source.slice(i + 3, end);
        add(/Han/.test(name) ? '网' : /^L/.test(name) ? 'a' : /^N/.test(name) ? '1' : /^P/.test(name) ? '，' : /^S/.test(name) ? '+' : 'x');
        i = end;
      } else if (next in classes) {
        add(classes[next]);
        i++;
      } else {
        add(next === 'n' ? '\n' : next === 'r' ? '\r' : next === 't' ? '\t' : next);
        i++;
      }
    } else if (!'()[]{}^$|?*+.-'.includes(ch)) {
      add(ch);
    } else if (ch === '.') {
      add('x');
    }
  }
  return [...found].filter((ch) => ch.length > 0);
}

function inputsFor(source) {
  const chars = charactersOf(source);
  const units = [...chars];
  if (chars.length > 1) units.push(chars.join(''));
  for (let i = 0; i + 1 < chars.length; i++) units.push(chars[i] + chars[i + 1]);
  units.push('网 ');
  const inputs = [];
  for (const unit of units) {
    const body = unit.repeat(Math.max(1, Math.floor(SIZE / unit.length)));
    inputs.push(body, body + '\u0000');
  }
  // The shape of a backtracking attack: a character, a long run of another, and an end the match fails on. A
  // uniform run misses patterns that only backtrack after a prefix they accept: a title's first character, a
  // run of spaces and an end no label matches took /^(\S.*?)(?: {2,}|\t|\u3000)[\s\u3000]*(\S{2,5})$/u minutes.
  // A tenth of SIZE each: long enough for anything worse than linear to pass the limit.
  for (const prefix of chars) {
    for (const pumped of chars) if (pumped !== prefix) inputs.push(prefix + pumped.repeat(Math.floor(SIZE / 10)) + '\u0000');
  }
  return inputs;
}

function run(regex, input) {
  const started = performance.now();
  if (regex.global || regex.sticky) {
    regex.lastIndex = 0;
    let guard = 0;
    while (regex.exec(input) !== null && guard++ < 2_000_000) {
      if (regex.lastIndex === 0) break;
    }
    regex.lastIndex = 0;
  } else {
    regex.test(input);
    input.replace(regex, '');
  }
  return performance.now() - started;
}

for (const { source, flags, where } of workerData.patterns) {
  const regex = new RegExp(source, flags);
  let slowest = 0;
  let slowestInput = '';
  for (const input of inputsFor(source)) {
    const ms = run(regex, input);
    if (ms > slowest) {
      slowest = ms;
      slowestInput = JSON.stringify(input.slice(0, 12)) + (input.endsWith('\u0000') ? '…\\0' : '…');
    }
  }
  parentPort.postMessage({ source, flags, where, slowest, slowestInput });
}
parentPort.postMessage({ done: true });
