// The command line every fuzz campaign reads: --seed N, --cases N | --minutes M, --out DIR, and the options
// a campaign adds of its own.

/**
 * The campaign's options from `argv` (the arguments after the script). `extra` maps an option of the
 * campaign's own (without `--`) to its property and how its value is read. With neither --cases nor
 * --minutes, `defaultCases` cases run. An option no one reads is an error, not ignored.
 */
export function campaignOptions(argv, defaultCases, extra = {}) {
  const readers = {
    seed: ['seed', Number],
    cases: ['cases', Number],
    minutes: ['minutes', Number],
    out: ['out', String],
    ...extra,
  };
  const options = { seed: 1, cases: Infinity, minutes: Infinity, out: 'fuzz-out' };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '');
    if (!Object.hasOwn(readers, name)) throw new Error(`unknown option --${name}`);
    const [property, read] = readers[name];
    options[property] = read(argv[i + 1]);
  }
  if (options.cases === Infinity && options.minutes === Infinity) options.cases = defaultCases;
  return options;
}
