// Text the product shows in both languages, and the choice between them: below the settings and the rules,
// which both describe themselves with it.

export type Locale = 'en' | 'zh-cn';

export interface LocalizedText {
  readonly en: string;
  readonly zh: string;
}

export function localize(text: LocalizedText, locale: Locale, args?: Readonly<Record<string, string | number>>): string {
  const template = locale === 'zh-cn' ? text.zh : text.en;
  if (!args || !template.includes('{')) return template;
  // What template.replace(/\{(\w+)\}/g, …) does (a name not among the args left as it stands), without a
  // pattern and callback for each of the hundred thousand problems a raw megabyte has. The template is
  // read once: a name cut from it for each problem was a new string that every `in` and lookup of it
  // hashed and internalized first (most of localize's time on the CLI's batch).
  const pieces = piecesOf(template);
  let out = pieces[0];
  for (let i = 1; i < pieces.length; i += 2) {
    const name = pieces[i];
    out += (name in args ? String(args[name]) : `{${name}}`) + pieces[i + 1];
  }
  return out;
}

/** Each template's literal text and placeholder names, alternating (literal, name, literal, …, literal). */
const templatePieces = new Map<string, readonly string[]>();

function piecesOf(template: string): readonly string[] {
  let pieces = templatePieces.get(template);
  if (pieces === undefined) {
    const split: string[] = [];
    let copied = 0;
    for (let open = template.indexOf('{'); open >= 0; open = template.indexOf('{', open + 1)) {
      let close = open + 1;
      while (close < template.length && isWordCode(template.charCodeAt(close))) close++;
      if (close === open + 1 || template[close] !== '}') continue;
      split.push(template.slice(copied, open), template.slice(open + 1, close));
      copied = close + 1;
      open = close;
    }
    split.push(template.slice(copied));
    pieces = split;
    templatePieces.set(template, pieces);
  }
  return pieces;
}

/** The characters of \w: ASCII letters, digits and the underscore. */
function isWordCode(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f;
}
