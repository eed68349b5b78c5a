import * as assert from 'node:assert/strict';
import { localize } from '../../server/src/core/localized';

/** The meaning localize keeps: each {name} of the args replaced, any other brace left as it stands. */
function byPattern(template: string, args: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => (name in args ? String(args[name]) : placeholder));
}

describe('localize', () => {
  const args = { before: '我', after: '们', count: 3, empty: '', odd: '{before}' };
  const templates = [
    'no placeholder',
    'Remove the space between “{before}” and “{after}”',
    '{before}{after}',
    '{count} lines, {count} again',
    '{missing} stays, {before} goes',
    '{} and { before } and {before and {{before}} and }{after',
    '{empty}|{odd}|{after_}',
    '删除“{before}”和“{after}”之间的空格',
    '{before',
    'trailing {',
  ];

  it('replaces the named placeholders only, as the pattern does, each time it is asked', () => {
    for (const template of templates) {
      for (let time = 0; time < 2; time++) {
        assert.equal(localize({ en: template, zh: `中${template}` }, 'en', args), byPattern(template, args), template);
        assert.equal(localize({ en: template, zh: `中${template}` }, 'zh-cn', args), byPattern(`中${template}`, args), template);
      }
    }
  });

  it('gives the template as it stands without args', () => {
    assert.equal(localize({ en: '{before} x', zh: '' }, 'en'), '{before} x');
  });
});
