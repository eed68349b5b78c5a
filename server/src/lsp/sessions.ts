// The open documents, one DocumentSession each, and the work on them that no request asks for:
// analysing after an edit and publishing the diagnostics.

import type { Connection } from 'vscode-languageserver';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { Analysis, Settings } from '../core';
import { message } from './messages';
import { PROBLEM_COUNT_NOTIFICATION, type ProblemCountParams } from './protocol';
import { Abandoned, DocumentSession, type DocumentState } from './session';
import type { DocumentSettings } from './settings';

/**
 * How long an edit waits before the document is analysed again. A short document is analysed in one go,
 * so a burst of typing waits for a pause; a longer one is analysed in steps that a newer edit stops,
 * and answers at once; a very large one waits again, as putting its analysis together takes a while.
 */
const QUICK_DOCUMENT = 32_000;
const DEBOUNCE_QUICK_MS = 30;
const LARGE_DOCUMENT = 4_000_000;
const DEBOUNCE_LARGE_MS = 250;

/**
 * Edits closer together than this are a burst (typing, a replace-all, a macro): each waits this long, so
 * the burst is analysed once, after its last edit, instead of starting an analysis per edit.
 */
const BURST_MS = 30;

function changeDelay(length: number): number {
  if (length <= QUICK_DOCUMENT) return DEBOUNCE_QUICK_MS;
  return length > LARGE_DOCUMENT ? DEBOUNCE_LARGE_MS : 0;
}

/** Sends a message to the user without waiting: a client without the request answers with an error, which must not end the server. */
export function quietly(sent: unknown): void {
  if (sent instanceof Promise) sent.catch(() => undefined);
}

/** What the client said it does in `initialize`. */
export interface ClientFeatures {
  /** The client fetches a code action's edit with codeAction/resolve, so document-wide fixes are built only when picked. */
  readonly resolvesEdits: boolean;
  /** The client adds each diagnostic's source and rule page itself (ArticleInitializationOptions.completesDiagnostics). */
  readonly completesDiagnostics: boolean;
}

export interface Ready {
  readonly session: DocumentSession;
  readonly analysis: Analysis;
}

export class Sessions {
  private readonly sessions = new Map<string, DocumentSession>();
  /** Semantic token answers given so far: each one's resultId, unique among every session's. */
  private tokenResults = 0;

  /**
   * Makes a version's outline (lsp/handlers.ts), called right after its diagnostics are published when the
   * editor will ask for it (DocumentSession.outlineWanted): made while the editor reads the
   * diagnostics, the request finds it made. Not made for an editor that does not ask (sym23 made every
   * version's, and an editor asking none paid for each on its next edit's analysis).
   */
  outlineAhead: ((ready: Ready) => unknown) | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly settings: DocumentSettings,
    private readonly client: () => ClientFeatures,
  ) {}

  get(uri: string): DocumentSession | undefined {
    return this.sessions.get(uri);
  }

  /**
   * A resultId for the next semantic tokens answer. Not counted per session: a client holding an id from
   * before a close must not find it standing for a reopened document's tokens.
   */
  nextTokensResultId(): string {
    return String(++this.tokenResults);
  }

  open(uri: string, languageId: string, version: number, text: string): void {
    // A second open of an open document starts it afresh with the text it carries.
    this.sessions.get(uri)?.close();
    const session = new DocumentSession(uri, languageId, version, text);
    this.sessions.set(uri, session);
    this.schedule(session, 0);
  }

  change(uri: string, version: number, changes: readonly TextDocumentContentChangeEvent[]): void {
    const session = this.sessions.get(uri);
    if (!session) return;
    const now = Date.now();
    const inBurst = now - session.lastChangeAt < BURST_MS;
    session.lastChangeAt = now;
    session.change(changes, version);
    const delay = changeDelay(session.document.length);
    this.schedule(session, inBurst ? Math.max(delay, BURST_MS) : delay);
  }

  close(uri: string): void {
    const session = this.sessions.get(uri);
    if (!session) return;
    session.close();
    this.sessions.delete(uri);
    this.settings.forget(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] }).catch(() => undefined);
  }

  /** Settings changed: every open document is analysed again with its new settings. */
  settingsChanged(): void {
    this.settings.invalidate();
    for (const session of this.sessions.values()) {
      session.invalidate();
      this.schedule(session, 0);
    }
  }

  /** A document's settings came after it was analysed without them: it is analysed again with them. */
  settingsArrived(uri: string): void {
    const session = this.sessions.get(uri);
    if (!session) return;
    session.invalidate();
    this.schedule(session, 0);
  }

  /** Stops all work (shutdown). */
  stop(): void {
    for (const session of this.sessions.values()) session.close();
    this.sessions.clear();
  }

  /**
   * The analysis of a document's current text, for a request; undefined when the document is not open,
   * is refused (too large, binary); Abandoned when the request was cancelled while waiting.
   */
  async ready(uri: string, token?: { readonly isCancellationRequested: boolean }): Promise<Ready | undefined> {
    const session = this.sessions.get(uri);
    if (!session) return undefined;
    const state = await this.currentState(session, token);
    return state?.analysis ? { session, analysis: state.analysis } : undefined;
  }

  /** The state of the session's latest text: an analysis overtaken by an edit is asked for again. */
  private async currentState(session: DocumentSession, token?: { readonly isCancellationRequested: boolean }): Promise<DocumentState | undefined> {
    for (;;) {
      if (session.isClosed) return undefined;
      if (token?.isCancellationRequested) throw new Abandoned('cancelled');
      const settings = await this.settings.settingsFor(session.uri);
      try {
        const state = await session.stateWith(settings);
        if (state.generation === session.generation) return state;
      } catch (error) {
        if (!(error instanceof Abandoned)) throw error;
      }
    }
  }

  private schedule(session: DocumentSession, delay: number): void {
    session.cancelScheduled?.();
    const run = () => {
      session.cancelScheduled = undefined;
      this.validate(session).catch((error) => this.connection.console.error(`validate failed: ${String(error)}`));
    };
    // No wait: right after the messages already read (a zero timeout would still wait a millisecond).
    if (delay === 0) {
      const immediate = setImmediate(run);
      session.cancelScheduled = () => clearImmediate(immediate);
    } else {
      const timeout = setTimeout(run, delay);
      session.cancelScheduled = () => clearTimeout(timeout);
    }
  }

  private async validate(session: DocumentSession): Promise<void> {
    const generation = session.generation;
    const settings = await this.settings.settingsFor(session.uri);
    if (session.isClosed || session.generation !== generation) return;
    let state: DocumentState;
    try {
      state = await session.stateWith(settings);
    } catch (error) {
      // A newer text is on its way (its own validation publishes).
      if (error instanceof Abandoned) return;
      throw error;
    }
    if (session.isClosed || state.generation !== session.generation) return;
    if (!state.analysis) return this.publishRefusal(session, state, settings);
    session.notified.delete('tooLarge');
    session.notified.delete('binary');
    await this.publish(session, state.analysis, generation);
  }

  private async publishRefusal(session: DocumentSession, state: DocumentState, settings: Settings): Promise<void> {
    const { uri, version } = session.document;
    const refusal = state.refusal ?? 'tooLarge';
    if (!session.notified.has(refusal)) {
      session.notified.add(refusal);
      const text =
        refusal === 'binary'
          ? message(settings.locale, 'binary')
          : message(settings.locale, 'tooLarge', { length: session.document.length, limit: settings.maxDocumentLength });
      quietly(this.connection.window.showInformationMessage(text));
    }
    await this.connection.sendDiagnostics({ uri, version, diagnostics: [] });
  }

  /** The editor scrolled: a document showing only some of its problems shows those in view instead. */
  async refocus(uri: string, ranges: unknown): Promise<void> {
    const session = this.sessions.get(uri);
    if (!session || !session.viewed(ranges)) return;
    const settings = await this.settings.settingsFor(uri);
    const state = session.ready(settings);
    if (state?.analysis) await this.publish(session, state.analysis, state.generation);
  }

  /**
   * Sends the document's diagnostics: all of them, or, past article.maxProblems (VS Code itself shows no
   * more than 1 000 per file), those nearest where the user works, with the whole count for the status bar.
   */
  private async publish(session: DocumentSession, analysis: Analysis, generation: number): Promise<void> {
    if (!this.isOpen(session)) return;
    const { document } = session;
    const { uri, version } = document;
    const limit = analysis.settings.maxProblems;
    const total = analysis.problemCount;
    // Positions from the session's document before anything is awaited: it is updated in place when the
    // next change arrives.
    const shown = session.shownDiagnostics(this.client().completesDiagnostics).near(analysis, document, session.focusOffset(), limit);
    const { diagnostics } = shown;
    session.published(generation, shown, total > diagnostics.length);
    if (total > diagnostics.length && !session.notified.has('tooManyProblems')) {
      session.notified.add('tooManyProblems');
      quietly(this.connection.window.showInformationMessage(message(analysis.settings.locale, 'tooManyProblems', { count: total, limit })));
    }
    // The count first: a client that hears of the diagnostics then knows whether they are all.
    await this.connection.sendNotification(PROBLEM_COUNT_NOTIFICATION, { uri, version, total, shown: diagnostics.length } satisfies ProblemCountParams);
    // While the count was written the document may have been closed, and another opened under its URI
    // (an editor reuses `untitled:Untitled-1`): these diagnostics, sent now, would stand for that one's.
    if (!this.isOpen(session)) return;
    const wanted = session.outlineWanted(generation);
    await this.connection.sendDiagnostics({ uri, version, diagnostics });
    if (!wanted) return;
    // After the turn that writes the diagnostics; not for a text an edit has replaced meanwhile.
    await new Promise((resolve) => setImmediate(resolve));
    if (this.isOpen(session) && session.generation === generation) this.outlineAhead?.({ session, analysis });
  }

  /** Whether `session` is still the open document at its URI (not closed, nor reopened since). */
  private isOpen(session: DocumentSession): boolean {
    return !session.isClosed && this.sessions.get(session.uri) === session;
  }
}
