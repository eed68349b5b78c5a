// What a settings file holds that would be ignored: each part named in one line, with a suggestion for typos.

import * as assert from 'node:assert/strict';
import { settingsLayerProblems } from '../../server/src/core/settingsCheck';
import { mergeSettings } from '../../server/src/core/settings';

describe('settings file check', () => {
  it('finds nothing to say about valid settings', () => {
    const layer = { rules: { 'broken-word': 'error', 'block-spacing': { severity: 'off' }, 'lost-text': false }, cjkLatinSpacing: 'forbid', maxProblems: 500, locale: 'zh-cn' };
    assert.deepEqual(settingsLayerProblems(layer), []);
  });

  it('names misspelt rule ids and keys with the nearest known one, and values that are not allowed', () => {
    const layer = { rules: { 'brokn-word': 'off', 'broken-line': 'loud', 'space-around-punctuation': { severity: 'never' }, zzz: 'off' }, cjkLatinSpacing: 'forbidden', maxProblem: 5, maxDocumentLength: -1 };
    assert.deepEqual(settingsLayerProblems(layer as never), [
      'unknown setting "maxProblem" (did you mean "maxProblems"?)',
      '"cjkLatinSpacing" is "forbidden", not ignore, require or forbid',
      '"maxDocumentLength" is -1, not a positive number',
      'unknown rule "brokn-word" (did you mean "broken-word"?)',
      'rule "broken-line": "loud" is not off, hint, information, warning or error',
      'rule "space-around-punctuation": "never" is not off, hint, information, warning or error',
      'unknown rule "zzz"',
    ]);
    // Each of these is indeed ignored when the settings are merged.
    const merged = mergeSettings(layer as never);
    assert.equal(merged.cjkLatinSpacing, 'ignore');
    assert.equal(merged.rules['broken-line'], undefined);
  });

  it('says when rules is not an object', () => {
    assert.deepEqual(settingsLayerProblems({ rules: ['broken-word'] }), ['"rules" is not an object of rule ids']);
  });
});
