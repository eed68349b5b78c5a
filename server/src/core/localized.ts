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
  // What template.replace(/\{(\w+)\}/g, …) does, without a pattern and callback for each of the
  // hundred thousand problems a raw megabyte has.
  let out = '';
  let copied = 0;
  for (let open = template.indexOf('{'); open >= 0; open = template.indexOf('{', open + 1)) {
    let close = open + 1;
    while (close < template.length && isWordCode(template.charCodeAt(close))) close++;
    if (close === open + 1 || template[close] !== '}') continue;
    const name = template.slice(open + 1, close);
    if (!(name in args)) continue;
    out += template.slice(copied, open) + String(args[name]);
    copied = close + 1;
    open = close;
  }
  return copied === 0 ? template : out + template.slice(copied);
}

/** The characters of \w: ASCII letters, digits and the underscore. */
function isWordCode(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f;
}
