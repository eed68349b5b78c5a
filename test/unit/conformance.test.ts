// Conformance with the peers' own test suites: the plain-text cases of zhlint's test/rules.test.ts and of
// AutoCorrect's format tests, kept as data in test/fixtures/conformance/<peer>.json with their source
// (repository, file, commit). Each case runs with the settings and rules that match the peer's options in
// that test. A case either agrees (our fix-all gives the peer's expected text), or differs for a reason the
// file names and explains (docs/style.md gives the conventions behind them); a differing case also pins our
// own answer, so a change of behaviour shows here as a test to update, never as a silent drift.

import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fixAll, mergeSettings, rules } from '../../server/src/core';
import type { SettingsLayer } from '../../server/src/core/settings';
import { FIXTURES } from '../helpers';

export interface ConformanceCase {
  /** The peer's test (its describe/test or Rust test function) the case comes from. */
  group: string;
  /** The source file, when the suite spans several. */
  file?: string;
  /** The peer's options in that test, as written there. */
  peerOptions?: unknown;
  /** Our rules that answer to those options (every other rule is off) and our settings that match them. */
  rules: string[];
  settings: SettingsLayer;
  input: string;
  expected: string;
  /** Absent when we agree; else the key of the reason in the file's `reasons`, and our output. */
  reason?: string;
  ours?: string;
}

export interface ConformanceSuite {
  source: { repository: string; files: string[]; commit: Record<string, string> | string; license: string };
  /** How the peer's options map onto our rules and settings. */
  matching: string;
  reasons: Record<string, string>;
  excluded: Array<{ group: string; file?: string; reason: string }>;
  cases: ConformanceCase[];
}

export const CONFORMANCE_DIR = path.join(FIXTURES, 'conformance');

/** Our fix-all of a case's input with exactly its rules on and its settings. */
export function ourOutput(testCase: ConformanceCase): string {
  const off = Object.fromEntries(rules.map((rule) => [rule.id, testCase.rules.includes(rule.id) ? 'warning' : 'off']));
  return fixAll(testCase.input, mergeSettings(testCase.settings, { rules: off, locale: 'en' }));
}

describe('conformance with the peers’ test suites', () => {
  for (const file of readdirSync(CONFORMANCE_DIR).filter((name) => name.endsWith('.json')).sort()) {
    const suite = JSON.parse(readFileSync(path.join(CONFORMANCE_DIR, file), 'utf8')) as ConformanceSuite;
    describe(`${file} (${suite.source.repository})`, () => {
      it('names its source and explains every reason it uses', () => {
        assert.match(suite.source.repository, /^[\w.-]+\/[\w.-]+$/);
        const commits = typeof suite.source.commit === 'string' ? [suite.source.commit] : Object.values(suite.source.commit);
        for (const commit of commits) assert.match(commit, /^[0-9a-f]{40}$/);
        const used = new Set(suite.cases.map((testCase) => testCase.reason).filter(Boolean));
        for (const reason of used) assert.ok(suite.reasons[reason!]?.length > 20, `reason ${reason} is explained`);
        for (const reason of Object.keys(suite.reasons)) assert.ok(used.has(reason), `reason ${reason} is used`);
        const ids = new Set(rules.map((rule) => rule.id));
        for (const testCase of suite.cases) for (const id of testCase.rules) assert.ok(ids.has(id), `${id} is a rule`);
      });
      suite.cases.forEach((testCase, index) => {
        const title = `${index + 1}. ${testCase.group}: ${JSON.stringify(testCase.input).slice(0, 60)}`;
        it(title, () => {
          const ours = ourOutput(testCase);
          if (testCase.reason === undefined) {
            assert.equal(ours, testCase.expected, 'agrees with the peer');
          } else {
            assert.notEqual(ours, testCase.expected, `listed as differing (${testCase.reason}) but now agrees: drop the reason`);
            assert.equal(ours, testCase.ours, `differs (${testCase.reason}) with the output recorded`);
          }
        });
      });
    });
  }
});
