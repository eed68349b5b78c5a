// One large document analysed on two threads: the main thread and one worker each analyse a share of its
// regions (core/regionShares.ts), and the main thread takes the worker's over into the one analysis the
// report reads. The answers are the same as one thread's; on a machine with a second core the analysis
// takes about the time of the larger share (docs/performance-log.md, big23).
//
// The main thread stays synchronous (lintFile is): it waits for the worker's regions with Atomics.wait and
// takes them with receiveMessageOnPort, so a file analysed this way is reported in its turn like any other.
// Each thread cuts the whole text but counts only its own regions' cuts: the two hand each other their counts
// the same way once counted (RegionShare.exchangeCounts), so that both settle the whole document's facts.
//
// A report states the problems one after another (a line each, or a JSON item each): each thread formats its
// own regions' lines once its share is analysed (report.ts formatPart), the worker hands them over with its
// regions (their bytes moved, not copied), and the report takes a region's lines as they are where the joined
// analysis shows its problems as found. Formatted by the main thread after the join, the report of a raw 10 MB
// extraction (a million problems, 120 MB) was ~0.8 s of CPU (JSON: 3.4 s) while the other core had nothing
// left to do (docs/performance-log.md, par25).

import { availableParallelism } from 'node:os';
import { isMainThread, MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import {
  analyzeShare,
  analyzeShared,
  problemColumns,
  sharedBuffers,
  shareLineIndex,
  shareProblemColumns,
  sharedProblemColumns,
  shareToSend,
  type Analysis,
  type AnalysisOptions,
  type CutCounts,
  type DocumentText,
  type LineIndex,
  type ProblemColumns,
  type SharedRegions,
  type Settings,
} from '../../server/src/core';
import { formatPart, type FormattedPart, type FormattedParts, type ReportFormat } from './report';

const SHARE_ROLE = 'article-lint-share';

/**
 * A document of at least this many characters is analysed on two threads. Below it, starting a worker and
 * warming its code up (~0.3 s of CPU) would cost more than the worker's share saves.
 */
export const SHARED_FROM = 1_000_000;

/**
 * The main thread's share of the regions: half. What it does besides comes before both shares (reading the
 * file, while the worker loads the CLI) or after the worker's answer (taking its regions over, the document's
 * own steps, writing the report), where the worker cannot help: the two shares should take as long. Each thread
 * counts and formats its own regions' lines; on the 10 MB extraction the two threads' CPU from the share posted
 * to the worker's answer were 3.7 s and 4.1 s at 48 % (per-thread timeline, docs/performance-log.md big26).
 */
export const MAIN_SHARE = 0.5;

/** What a share's worker starts with: it then waits on `port` for its share (ShareSetup). */
interface WorkerStart {
  readonly role: typeof SHARE_ROLE;
  readonly port: MessagePort;
  /** What the two threads tell each other (PROGRESS, WORKER_COUNTED, MAIN_COUNTED), notified at each change. */
  readonly state: Int32Array;
}

/** The worker's share, posted to it once the text is read. */
interface ShareSetup {
  readonly text: string;
  readonly settings: Settings;
  /** The worker's share starts with the first region that starts here. */
  readonly from: number;
  /** The main thread's options but the problem codec, whose functions a worker cannot be sent: `problemColumns` says whether to use the worker's own. */
  readonly analysisOptions: Omit<AnalysisOptions, 'problemColumns'>;
  readonly problemColumns: boolean;
  /** The report each thread formats its own regions' problems for; undefined: none (--fix --stdout). */
  readonly lines: LinesToFormat | undefined;
}

/** The slots of the state the threads share: the worker's progress (STARTED, ANSWERED), and each thread's counts posted. */
const PROGRESS = 0;
/** Set once the worker has posted its cuts' counts, or answered without them (a failure). */
const WORKER_COUNTED = 1;
/** Set once the main thread has posted its cuts' counts. */
const MAIN_COUNTED = 2;
/** The worker runs its share (set when it starts), then has posted its answer on its port. */
const STARTED = 1;
const ANSWERED = 2;

/**
 * What a thread posts of its share once its own cuts are counted (RegionShare.exchangeCounts): each thread
 * counts only its own cuts and takes the other's counts, where both counted every cut of the text.
 */
interface CountsMessage {
  readonly counts: readonly CutCounts[];
}

function sets(state: Int32Array, slot: number, value = 1): void {
  Atomics.store(state, slot, value);
  Atomics.notify(state, slot);
}

/** Waits until `slot` of `state` is no longer `value`, or `ms` have passed: whether it changed. */
function waitsOut(state: Int32Array, slot: number, value: number, ms: number): boolean {
  const deadline = performance.now() + ms;
  while (Atomics.load(state, slot) === value) {
    const left = deadline - performance.now();
    if (left <= 0) return false;
    Atomics.wait(state, slot, value, left);
  }
  return true;
}

/**
 * How long the main thread waits, once its own share is done, for a worker that has not even started:
 * one that cannot start (its script fails to load) would never answer, and the main thread then analyses
 * the worker's share too. A worker that started always answers (a failure included).
 */
const START_WAIT_MS = 20_000;

/**
 * How many times its own share's time the main thread waits for a started worker's answer: the worker's
 * share is 1.5 times the main thread's, and a loaded machine may run it several times slower still.
 */
const STARTED_WAIT_FACTOR = 20;

/** The report each thread formats its own regions' problems for, as the file's report prints them (report.ts formatPart). */
export interface LinesToFormat {
  readonly format: ReportFormat;
  /** The file as the report names it. */
  readonly file: string;
  readonly quiet: boolean;
}

type ShareAnswer = { readonly regions: SharedRegions; readonly formatted: readonly FormattedPart[] } | { readonly failure: string };

/** A document analysed in shares, and its regions' report lines formatted by the threads that analysed them. */
export interface SharedAnalysis {
  readonly analysis: Analysis;
  readonly formatted: FormattedParts;
}

/**
 * Each region's report lines, from the columns its problems are kept in (in document order), their positions
 * read in `lineIndex` (the share's regions' lines, core shareLineIndex).
 */
function formatParts(parts: ReadonlyArray<{ readonly offset: number; readonly columns: ProblemColumns }>, lineIndex: LineIndex, lines: LinesToFormat): FormattedPart[] {
  return parts.map(({ offset, columns }) => formatPart(columns, offset, lines.format, lines.file, lineIndex, lines.quiet));
}

/** The worker's answer, past the counts it posted should the main thread not have taken them. */
function receivedAnswer(port: MessagePort): ShareAnswer | undefined {
  for (;;) {
    const message = receiveMessageOnPort(port)?.message as CountsMessage | ShareAnswer | undefined;
    if (message === undefined || !('counts' in message)) return message;
  }
}

/** The buffers of what is printed, moved to the receiving thread rather than copied. */
function bytesOf(parts: readonly FormattedPart[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const { printed } of parts) if (typeof printed !== 'string') for (const piece of printed as readonly Uint8Array[]) buffers.add(piece.buffer as ArrayBuffer);
  return [...buffers];
}

/**
 * A share's worker, started as soon as a file is known to be large enough to be shared (its size in bytes,
 * never fewer than its characters): it loads the CLI while the main thread reads the file, and waits for
 * its share. One started for a file that is not shared after all is stopped.
 */
export class ShareWorker {
  readonly channel = new MessageChannel();
  readonly state = new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT));
  readonly worker: Worker | undefined;
  private posted = false;

  constructor(script: string) {
    const start: WorkerStart = { role: SHARE_ROLE, port: this.channel.port2, state: this.state };
    try {
      this.worker = new Worker(script, { workerData: start, transferList: [this.channel.port2] });
      // The worker's exit is not waited for: its answer is (analyzeInShares). A worker that dies (out of memory)
      // has its share analysed by the main thread; its error must not end the process when the event loop reports it.
      this.worker.unref();
      this.worker.on('error', () => undefined);
    } catch {
      this.worker = undefined;
    }
  }

  post(setup: ShareSetup): void {
    this.posted = true;
    this.channel.port1.postMessage(setup);
  }

  /** Ends a worker that was given no share. */
  stopUnused(): void {
    if (this.posted) return;
    void this.worker?.terminate();
    this.channel.port1.close();
  }
}

/** When a document is analysed on two threads (the CLI's --jobs). */
export interface SharePolicy {
  /** The CLI bundle, which a worker runs. */
  readonly script: string;
  /** Documents of at least this many characters (SHARED_FROM unless a test says otherwise). */
  readonly from: number;
  /** How long to wait for a started worker's answer at most (tests; by default many times the main thread's share). */
  readonly answerWaitMs?: number;
  /** Told how many regions the worker's share brought (0: none came, the main thread analysed them) and with how many formatted: for tests. */
  readonly received?: (regions: number, formatted: number) => void;
}

/** Whether `length` characters are analysed on two threads under `policy` on this machine. */
export function sharesPay(length: number, policy: SharePolicy | undefined, cores = availableParallelism()): policy is SharePolicy {
  return policy !== undefined && cores >= 2 && length >= policy.from;
}

/** True in a thread started as a ShareWorker: it then analyses its share instead of running the CLI. */
export function isShareWorker(): boolean {
  return !isMainThread && (workerData as WorkerStart | undefined)?.role === SHARE_ROLE;
}

/** The worker's side: wait for its share, analyse it, post it, say so. */
export function serveShare(): void {
  const { port, state } = workerData as WorkerStart;
  port.once('message', (setup: ShareSetup) => analyseShare(setup, port, state));
}

function analyseShare(setup: ShareSetup, port: MessagePort, state: Int32Array): void {
  const { text, settings, from, lines } = setup;
  const analysisOptions: AnalysisOptions = setup.problemColumns ? { ...setup.analysisOptions, problemColumns } : setup.analysisOptions;
  sets(state, PROGRESS, STARTED);
  let answer: ShareAnswer;
  let moved: ArrayBuffer[] = [];
  // This share's cuts' counts for the main thread, the main thread's for this share; lacking them (the main
  // thread not there after START_WAIT_MS), this share counts those cuts itself.
  const exchangeCounts = (counts: readonly CutCounts[]): readonly CutCounts[] | undefined => {
    port.postMessage({ counts } satisfies CountsMessage);
    sets(state, WORKER_COUNTED);
    if (!waitsOut(state, MAIN_COUNTED, 0, START_WAIT_MS)) return undefined;
    return (receiveMessageOnPort(port)?.message as CountsMessage | undefined)?.counts;
  };
  try {
    const share = analyzeShare(text, settings, { from, to: Infinity, exchangeCounts }, analysisOptions);
    const regions = shareToSend(share);
    const parts = sharedProblemColumns(regions);
    const formatted = lines && parts.length > 0 ? formatParts(parts, shareLineIndex(share), lines) : [];
    // Neither the problems' numbers nor the formatted bytes are read here again: moved, not copied.
    moved = [...sharedBuffers(regions), ...bytesOf(formatted)];
    answer = { regions, formatted };
  } catch (error) {
    answer = { failure: (error as Error).message };
  }
  port.postMessage(answer, moved);
  port.close();
  // A share that failed before counting wakes the main thread waiting for its counts: the answer comes instead.
  sets(state, WORKER_COUNTED);
  sets(state, PROGRESS, ANSWERED);
}

/**
 * `analyze(text, settings, undefined, analysisOptions)` with the regions after MAIN_SHARE of the text
 * analysed by a worker running `policy.script`, and with `lines`, each region's report lines formatted by the
 * thread that analysed it. Should the worker fail, the main thread analyses its regions too: the answers are
 * the same either way.
 */
export function analyzeInShares(
  text: string,
  settings: Settings,
  analysisOptions: AnalysisOptions,
  policy: SharePolicy,
  lines?: LinesToFormat,
  started: ShareWorker = new ShareWorker(policy.script),
): SharedAnalysis {
  const from = Math.floor(text.length * MAIN_SHARE);
  const { problemColumns: codec, ...cloneable } = analysisOptions;
  const { worker, channel, state } = started;
  started.post({ text, settings, from, analysisOptions: cloneable, problemColumns: codec !== undefined, lines });
  const ownStarted = performance.now();
  // The worker's answer, should it come instead of its counts (its analysis failed), and whether it was given up on.
  let early: ShareAnswer | undefined;
  let givenUp = worker === undefined;
  // This share's cuts' counts for the worker, the worker's for this share; lacking them, this share counts those cuts itself.
  const exchangeCounts = (counts: readonly CutCounts[]): readonly CutCounts[] | undefined => {
    channel.port1.postMessage({ counts } satisfies CountsMessage);
    sets(state, MAIN_COUNTED);
    if (givenUp) return undefined;
    // As for its answer (below): a worker that has not started, or that died, is waited for a bounded time.
    const counted =
      waitsOut(state, PROGRESS, 0, START_WAIT_MS) &&
      waitsOut(state, WORKER_COUNTED, 0, policy.answerWaitMs ?? Math.max(START_WAIT_MS, STARTED_WAIT_FACTOR * (performance.now() - ownStarted)));
    if (!counted) {
      givenUp = true;
      return undefined;
    }
    const message = receiveMessageOnPort(channel.port1)?.message as CountsMessage | ShareAnswer | undefined;
    if (message && 'counts' in message) return message.counts;
    early = message;
    return undefined;
  };
  const own = analyzeShare(text, settings, { from: 0, to: from, exchangeCounts }, analysisOptions);
  // The main thread's regions' lines, while the worker analyses its own.
  const formatted = new Map<ProblemColumns, FormattedPart>();
  const parts = lines ? shareProblemColumns(own) : [];
  if (lines && parts.length > 0) {
    formatParts(parts, shareLineIndex(own), lines).forEach((part, i) => formatted.set(parts[i].columns, part));
  }
  const ownMs = performance.now() - ownStarted;
  let others: readonly SharedRegions[] = [];
  let receivedParts = 0;
  if (worker) {
    // A started worker answers even when its analysis throws, but not when its thread dies (out of memory):
    // a blocked main thread cannot hear of that, so it waits a bounded time, many times what its own share
    // took, and then analyses the worker's share itself (the same answers, later).
    if (!givenUp && early === undefined && waitsOut(state, PROGRESS, 0, START_WAIT_MS)) {
      waitsOut(state, PROGRESS, STARTED, policy.answerWaitMs ?? Math.max(START_WAIT_MS, STARTED_WAIT_FACTOR * ownMs));
    }
    const answer = early ?? (givenUp ? undefined : receivedAnswer(channel.port1));
    if (answer && 'regions' in answer) {
      others = [answer.regions];
      // The worker's lines by the columns the join takes over (the same objects as the regions it received).
      const byOffset = new Map(answer.formatted.map((part) => [part.offset, part]));
      for (const { offset, columns } of sharedProblemColumns(answer.regions)) {
        const part = byOffset.get(offset);
        if (part) formatted.set(columns, part);
      }
      receivedParts = answer.formatted.length;
    }
    void worker.terminate();
  }
  channel.port1.close();
  policy.received?.(others.reduce((sum, share) => sum + share.regions.length, 0), receivedParts);
  return { analysis: analyzeShared(text as DocumentText, settings, own, others, analysisOptions), formatted };
}
