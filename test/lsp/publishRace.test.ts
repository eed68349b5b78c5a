// The sessions' publishing against a document closed and reopened under the same URI while its
// diagnostics were being written: the closed text's diagnostics must not reach the editor afterwards,
// where they would stand for the new text's (an editor reuses `untitled:Untitled-1`). Driven with a
// connection whose writes complete when the test says, so the interleaving is the same on every run.

import * as assert from 'node:assert/strict';
import type { Connection } from 'vscode-languageserver';
import { readFixture } from '../helpers';
import { NO_PLATFORM } from '../../server/src/lsp/platform';
import { Sessions } from '../../server/src/lsp/sessions';
import { DocumentSettings } from '../../server/src/lsp/settings';

const SAMPLE = readFixture('sample/sample.raw.article');
const URI = 'untitled:Untitled-1';

/** A connection that records what is sent and completes each notification's write only when released. */
function heldConnection() {
  const sent: Array<{ readonly kind: 'count' | 'diagnostics'; readonly version?: number; readonly count: number }> = [];
  const held: Array<() => void> = [];
  const connection = {
    sendNotification: (_method: string, params: { version?: number; total: number }) => {
      sent.push({ kind: 'count', version: params.version, count: params.total });
      return new Promise<void>((resolve) => held.push(resolve));
    },
    sendDiagnostics: async (params: { version?: number; diagnostics: unknown[] }) => void sent.push({ kind: 'diagnostics', version: params.version, count: params.diagnostics.length }),
    console: { error: () => undefined, warn: () => undefined, info: () => undefined, log: () => undefined },
    window: { showInformationMessage: async () => undefined, showWarningMessage: async () => undefined },
  };
  return { connection: connection as unknown as Connection, sent, held };
}

const until = async (done: () => boolean): Promise<void> => {
  for (let i = 0; i < 500 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  assert.ok(done(), 'timed out');
};

describe('publishing while the document is closed and reopened under its URI', () => {
  it('sends the closed text no diagnostics once its count has been written, and the new text its own', async () => {
    const { connection, sent, held } = heldConnection();
    const settings = new DocumentSettings(() => 'en', NO_PLATFORM, {
      fetchEditorSettings: async () => undefined,
      reportConfig: () => undefined,
      timedOut: () => undefined,
      arrivedLate: () => undefined,
    });
    const sessions = new Sessions(connection, settings, () => ({ resolvesEdits: false, completesDiagnostics: true }));
    // The sample: its count is being written when the editor closes it and opens another text there.
    sessions.open(URI, 'article', 1, SAMPLE);
    await until(() => held.length === 1);
    sessions.close(URI);
    sessions.open(URI, 'article', 1, '全国网络安全和信息化工作会议。\n');
    await until(() => held.length === 2);
    held[0]();
    held[1]();
    await until(() => sent.filter((s) => s.kind === 'diagnostics').length >= 2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    sessions.stop();
    const diagnostics = sent.filter((s) => s.kind === 'diagnostics');
    // The close clears the URI's diagnostics; then only the new text's (none) follow.
    assert.deepEqual(diagnostics.map((s) => s.count), [0, 0], JSON.stringify(sent));
    assert.ok(sent[0].kind === 'count' && sent[0].count > 300, 'the sample was counted first');
  });
});
