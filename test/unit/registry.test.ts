// Every rule in the registry is documented, bilingual and consistently named.

import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { rules } from '../../server/src/core';
import { ROOT } from '../helpers';

describe('rule registry', () => {
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
        assert.ok(rule.description.en.length > 10 && /[\u4e00-\u9fff]/.test(rule.description.zh));
        for (const [id, text] of Object.entries(rule.messages)) {
          assert.ok(text.en.length > 0, `${id} has English`);
          assert.match(text.zh, /[\u4e00-\u9fff]/, `${id} has Chinese`);
        }
      });
    });
  }
});
