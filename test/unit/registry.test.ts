// Every rule in the registry is documented, bilingual and consistently named.

import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ruleDescriptions, rules } from '../../server/src/core';
import { ROOT } from '../helpers';

describe('rule registry', () => {
  it('describes every rule once, by its id, and nothing else', () => {
    assert.deepEqual(Object.keys(ruleDescriptions).sort(), rules.map((rule) => rule.id).sort());
  });

  it('has unique kebab-case ids', () => {
    const ids = rules.map((rule) => rule.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-z]+(-[a-z]+)*$/);
  });

  for (const rule of rules) {
    describe(rule.id, () => {
      it('has a doc page named after it', () => {
        const page = path.join(ROOT, 'docs', 'rules', `${rule.id}.md`);
        assert.ok(existsSync(page), `docs/rules/${rule.id}.md is missing`);
        assert.match(readFileSync(page, 'utf8'), new RegExp(`^# ${rule.id}\\b`, 'm'));
      });

      it('describes itself and words every message in English and Chinese', () => {
        const description = ruleDescriptions[rule.id];
        assert.ok(description.en.length > 10 && /[\u4e00-\u9fff]/.test(description.zh));
        for (const [id, text] of Object.entries(rule.messages)) {
          assert.ok(text.en.length > 0, `${id} has English`);
          assert.match(text.zh, /[\u4e00-\u9fff]/, `${id} has Chinese`);
        }
      });
    });
  }

  it('is listed, rule for rule, in the VS Code settings and the .article-lint.json schema, with both languages', () => {
    const ids = rules.map((rule) => rule.id).sort();
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const setting = manifest.contributes.configuration.properties['article.rules'];
    assert.deepEqual(Object.keys(setting.properties).sort(), ids);
    const schemaFile = manifest.contributes.jsonValidation.find((entry: { fileMatch: string }) => entry.fileMatch === '.article-lint.json').url;
    const schema = JSON.parse(readFileSync(path.join(ROOT, schemaFile), 'utf8'));
    assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), ids);
    assert.equal(schema.properties.rules.additionalProperties, false, 'a misspelt rule id is flagged in the editor');
    for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const strings = JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));
      for (const id of ids) assert.ok(strings[`config.rule.${id}`], `${file} describes ${id}`);
    }
  });
});
