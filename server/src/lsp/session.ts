// One open document: its text as the editor sent it, its analysis, where the user edits and looks, and
// what was last published. Made on didOpen, dropped on didClose (lsp/sessions.ts).

import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { DocumentSymbol } from 'vscode-languageserver';
import { analyzeInSteps, type Analysis, type OutlineVersion, type Settings } from '../core';
import { isRange } from './convert';
import { EditedDocument } from './editedDocument';
import { ShownDiagnostics, type Shown } from './shownDiagnostics';
import type { Kept } from './repeatedAnswers';
import type { TokensResult } from './semanticTokens';

/** Why a document has no analysis. */
export type Refusal = 'tooLarge' | 'binary';

export interface DocumentState {
  /** The text this state is of (see DocumentSession.generation). */
  readonly generation: number;
  readonly settings: Settings;
  /** Undefined when the document is refused. */
  readonly analysis: Analysis | undefined;
  readonly refusal?: Refusal;
}

/** Thrown out of a step of work whose result nobody wants any more (the text changed or the request was cancelled). */
export class Abandoned extends Error {
  constructor(readonly reason: 'superseded' | 'cancelled') {
    super(reason);
  }
}

/** One turn of the event loop: lets the messages already received be read before going on. */
const yieldToMessages = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * The pause between two steps of long work: long enough for a request that came in during the step to
 * be answered before the next. A message read in one turn of the event loop is handled in the next
 * (vscode-jsonrpc's queue runs in an immediate) and its answer written in the turn after that (its
 * writer's lock too); pausing a single turn, a hover on another document waited two more steps of a
 * large document's analysis. A turn with nothing to do takes microseconds.
 */
export async function giveWay(): Promise<void> {
  for (let turn = 0; turn < TURNS_PER_PAUSE; turn++) await yieldToMessages();
}

const TURNS_PER_PAUSE = 3;

/** The span of the problems published for a version, when they were only some of them. */
interface PublishedWindow {
  readonly generation: number;
  readonly start: number;
  readonly end: number;
}

export class DocumentSession {
  readonly document: EditedDocument;
  /**
   * Counts every text the editor sent for this document (the open, each change). Analyses are keyed by it,
   * not by the version number: a client may repeat a version with another text, and the text sent is
   * what must be analysed.
   */
  private currentGeneration = 0;
  private analysed: DocumentState | undefined;
  private running: { generation: number; settings: Settings; state: Promise<DocumentState> } | undefined;
  /** Where the user works: where the last edit started or the middle of what the editor shows. */
  private place = 0;
  private window: PublishedWindow | undefined;
  /** Notices shown for this document (once each until the reason goes away). */
  readonly notified = new Set<Refusal | 'tooManyProblems'>();
  private closed = false;
  /** When the last change arrived (Date.now()), to tell a burst of edits from a single one. */
  lastChangeAt = 0;
  /** Calls off the validation waiting to run. */
  cancelScheduled: (() => void) | undefined;
  /** The semantic tokens last answered, which a delta request names to be answered with what changed since. */
  tokens: TokensResult | undefined;
  /** The diagnostics last published, made again after an edit only for new problems (lsp/shownDiagnostics.ts). */
  private shown: ShownDiagnostics | undefined;
  /** The outline last answered (lsp/handlers.ts), which the next version's may stand as: its symbols are then sent again. */
  outline: Kept<{ readonly version: OutlineVersion; readonly symbols: DocumentSymbol[] }> | undefined;

  /** The text whose outline the editor last asked for (a generation; -1 before it asks). */
  outlineAskedAt = -1;
  /** The text whose diagnostics were last published (before any, the opened text's: nothing is made ahead for it). */
  private lastPublished = 0;

  constructor(uri: string, languageId: string, version: number, text: string) {
    this.document = new EditedDocument(uri, languageId, version, text);
  }

  get uri(): string {
    return this.document.uri;
  }

  get generation(): number {
    return this.currentGeneration;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Applies the editor's changes; where the first one starts becomes the place the user works. */
  change(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    const first = changes[0];
    if (first && 'range' in first && first.range) this.place = this.document.offsetAt(first.range.start);
    this.document.update(changes, version);
    this.currentGeneration++;
  }

  close(): void {
    this.closed = true;
    this.cancelScheduled?.();
    this.cancelScheduled = undefined;
    this.running = undefined;
    this.analysed = undefined;
    this.tokens = undefined;
    this.outline = undefined;
    this.shown = undefined;
  }

  /** Forgets the analysis (the settings changed): the next request analyses again. */
  invalidate(): void {
    this.analysed = undefined;
    this.running = undefined;
  }

  /** The analysis of the current text, if one is done and for these settings. */
  ready(settings: Settings): DocumentState | undefined {
    const analysed = this.analysed;
    return analysed && analysed.generation === this.currentGeneration && analysed.settings === settings ? analysed : undefined;
  }

  /**
   * The analysis of the current text with these settings, computed once and shared by every request
   * that asks meanwhile. A large document is analysed in steps; between steps other messages are
   * handled, and an analysis whose text was replaced meanwhile stops (rejects with Abandoned) — the
   * caller asks again for the newer text.
   */
  stateWith(settings: Settings): Promise<DocumentState> {
    const ready = this.ready(settings);
    if (ready) return Promise.resolve(ready);
    const generation = this.currentGeneration;
    const running = this.running;
    if (running && running.generation === generation && running.settings === settings) return running.state;
    const state = this.analyse(generation, settings);
    this.running = { generation, settings, state };
    const done = () => {
      if (this.running?.state === state) this.running = undefined;
    };
    state.then(done, done);
    return state;
  }

  /** A pause between two steps of work on this document's current text; throws when that text is gone. */
  pauseFor(generation: number, token?: { readonly isCancellationRequested: boolean }): () => Promise<void> {
    return async () => {
      await giveWay();
      if (this.closed || this.currentGeneration !== generation) throw new Abandoned('superseded');
      if (token?.isCancellationRequested) throw new Abandoned('cancelled');
    };
  }

  private async analyse(generation: number, settings: Settings): Promise<DocumentState> {
    let state: DocumentState;
    if (this.document.length > settings.maxDocumentLength) state = { generation, settings, analysis: undefined, refusal: 'tooLarge' };
    // Read per chunk as the edits came in: the whole text is not scanned again at every edit.
    else if (this.document.unreadableReason()) state = { generation, settings, analysis: undefined, refusal: 'binary' };
    else {
      // The editor's copy as it is kept, in chunks: joining a megabyte at every edit cost more than the analysis.
      const text = this.document.text();
      // The last analysis lets a large document re-analyse only what the edits touched.
      const previous = this.analysed?.settings === settings ? this.analysed.analysis : undefined;
      // A first analysis (after opening, or with new settings) reads the people quoted in its steps: the
      // editor asks for the outline, speakers included, as soon as the document is open, and that request
      // then only builds the outline. After an edit the request reads the regions the edit changed (~1 ms
      // at 1 MB), and the diagnostics do not wait for them.
      const analysis = await analyzeInSteps(text, settings, previous, this.pauseFor(generation), previous ? {} : { speakers: 'in-steps' });
      state = { generation, settings, analysis };
    }
    if (this.closed || this.currentGeneration !== generation) throw new Abandoned('superseded');
    this.analysed = state;
    return state;
  }

  /** The place to show problems around, within the text. */
  focusOffset(): number {
    return Math.min(Math.max(0, this.place), this.document.length);
  }

  /**
   * Notes the middle of what an editor shows; true when only some problems were published and those in
   * view are not among them (so they should be published again, around the new place).
   */
  viewed(ranges: unknown): boolean {
    const range = Array.isArray(ranges) ? ranges.find(isRange) : undefined;
    if (!range) return false;
    const start = this.document.offsetAt(range.start);
    const end = this.document.offsetAt(range.end);
    this.place = Math.floor((start + end) / 2);
    const window = this.window;
    return window !== undefined && window.generation === this.currentGeneration && (start < window.start || end > window.end);
  }

  /** Records what was published, to know whether a later view is covered. */
  published(generation: number, shown: Shown, partial: boolean): void {
    this.window = !partial || shown.diagnostics.length === 0 ? undefined : { generation, start: shown.start, end: shown.end };
  }

  /**
   * Notes that `generation`'s diagnostics are published; true when the editor asked for the outline of the
   * text published before or of a later one: an editor that asks after each edit (VS Code) will ask for this one's.
   */
  outlineWanted(generation: number): boolean {
    const wanted = this.outlineAskedAt >= this.lastPublished;
    this.lastPublished = generation;
    return wanted;
  }

  /** The diagnostics this document last showed, kept by the lists of problems they were made of. */
  shownDiagnostics(completedByClient: boolean): ShownDiagnostics {
    if (this.shown?.completedByClient !== completedByClient) this.shown = new ShownDiagnostics(this.uri, completedByClient);
    return this.shown;
  }
}
