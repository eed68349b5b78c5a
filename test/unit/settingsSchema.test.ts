// Settings are described once (server/src/core/settingsSchema.ts, with their texts beside the description). The
// VS Code contributions, the .article-lint.json schema and the nls files are generated from them (npm run gen:settings):
// here they must equal what the generator renders now, so a hand edit or a setting not regenerated fails.
// The description itself must be what the code reads: its defaults are the defaults, its values the values.

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { defaultSettings, mergeSettings, ruleDescriptions, rules } from '../../server/src/core';
import { settingsLayerProblems } from '../../server/src/core/settingsCheck';
import { FILE_SETTING_KEYS, settingDescriptions, settingTexts } from '../../server/src/core/settingsSchema';
import { ROOT } from '../helpers';

type Render = (descriptions: unknown, texts: unknown, ruleList: unknown, ruleDescriptions: unknown, root?: string) => Record<string, string>;

describe('settings described once', () => {
  let renderFiles: Render;
  before(async () => {
    ({ renderFiles } = (await import(path.join(ROOT, 'scripts', 'gen-settings.mjs'))) as { renderFiles: Render });
  });

  for (const file of ['package.json', 'schemas/article-lint.schema.json', 'package.nls.json', 'package.nls.zh-cn.json']) {
    it(`${file} is what npm run gen:settings makes of the description`, () => {
      const wanted = renderFiles(settingDescriptions, settingTexts, rules, ruleDescriptions)[file];
      const actual = readFileSync(path.join(ROOT, file), 'utf8');
      if (actual !== wanted) {
        // Name the first differing setting rather than dumping two large JSON texts.
        const a = actual.split('\n');
        const w = wanted.split('\n');
        const line = a.findIndex((text, i) => text !== w[i]);
        assert.fail(`${file} line ${line + 1} is ${JSON.stringify(a[line])}, the description gives ${JSON.stringify(w[line])}: run npm run gen:settings`);
      }
    });
  }

  it('gives every setting a key, a description in English and Chinese, and a default within its values', () => {
    const keys = settingDescriptions.map((description) => description.key);
    assert.equal(new Set(keys).size, keys.length);
    // One text per setting and per allowed value, none for a setting or value that is not described.
    assert.deepEqual(Object.keys(settingTexts).sort(), [...keys].sort());
    for (const description of settingDescriptions) {
      const text = settingTexts[description.key];
      assert.ok(text.description.en.length > 10, description.key);
      assert.match(text.description.zh, /[\u4e00-\u9fff]/, description.key);
      if (description.type === 'choice') {
        assert.equal(new Set(description.values).size, description.values.length, `${description.key}: values`);
        assert.ok(description.values.includes(description.default), `${description.key}: default ${description.default}`);
        assert.deepEqual(Object.keys(text.values ?? {}).sort(), [...description.values].sort(), `${description.key}: a text per value`);
        for (const value of description.values) {
          assert.ok(text.values![value].en.length > 0 && /[\u4e00-\u9fff]/.test(text.values![value].zh), `${description.key}.${value}`);
        }
      } else {
        assert.equal(text.values, undefined, `${description.key} has no values to describe`);
      }
    }
  });

  it('is what the code reads: the defaults, every allowed value, and nothing else', () => {
    for (const description of settingDescriptions) {
      if (description.type !== 'choice' && description.type !== 'number') continue;
      if (description.where === 'editor') continue;
      const key = description.key as keyof typeof defaultSettings;
      assert.equal(defaultSettings[key], description.default, `default of ${key}`);
      if (description.type === 'choice') {
        for (const value of description.values) {
          assert.equal(mergeSettings({ [key]: value })[key], value, `${key}: ${value}`);
          assert.deepEqual(settingsLayerProblems({ [key]: value }), []);
        }
        assert.equal(mergeSettings({ [key]: 'no-such-value' })[key], description.default);
        assert.equal(settingsLayerProblems({ [key]: 'no-such-value' }).length, 1);
      } else {
        assert.equal(mergeSettings({ [key]: 7 })[key], 7);
        assert.equal(mergeSettings({ [key]: -1 })[key], description.default);
      }
    }
    // Every key a settings file may hold is one Settings has (locale and rules included), and vice versa.
    assert.deepEqual([...FILE_SETTING_KEYS].sort(), Object.keys(defaultSettings).sort());
  });

  it('offers each choice with its meaning as completion in VS Code settings and in .article-lint.json', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'article-lint.schema.json'), 'utf8'));
    const english = JSON.parse(readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8'));
    const chinese = JSON.parse(readFileSync(path.join(ROOT, 'package.nls.zh-cn.json'), 'utf8'));
    for (const key of ['parentheses', 'quoteSpacing', 'ellipsis', 'cjkLatinSpacing']) {
      const contributed = manifest.contributes.configuration.properties[`article.${key}`];
      assert.ok(contributed.enum.length >= 2 && contributed.enumDescriptions.length === contributed.enum.length, key);
      for (const reference of [contributed.markdownDescription, ...contributed.enumDescriptions]) {
        const nls = reference.slice(1, -1);
        assert.ok(english[nls] && /[\u4e00-\u9fff]/.test(chinese[nls]), `${nls} in both languages`);
      }
      assert.deepEqual(schema.properties[key].enum, contributed.enum);
      assert.equal(schema.properties[key].default, contributed.default);
    }
  });
});
