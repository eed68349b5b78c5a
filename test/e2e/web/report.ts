// The suite's output: mocha's reporter lines, formatted here (the extension host forwards console
// arguments unformatted) and marked for scripts/e2e/run-web.mjs to pick out of the page's log.

export const MARKER = '[article-e2e] ';

export function report(text: string): void {
  console.log(text.split('\n').map((line) => MARKER + line).join('\n'));
}

/** util.format's %s, %d and %j for mocha's reporters (node:util is not there in a web worker). */
export function format(...args: unknown[]): string {
  if (typeof args[0] !== 'string') return args.map(String).join(' ');
  let rest = args.slice(1);
  const text = args[0].replace(/%[sdj%]/g, (spec) => {
    if (spec === '%%') return '%';
    if (rest.length === 0) return spec;
    const [value] = rest;
    rest = rest.slice(1);
    return spec === '%j' ? JSON.stringify(value) : spec === '%d' ? String(Number(value)) : String(value);
  });
  return [text, ...rest.map(String)].join(' ');
}
