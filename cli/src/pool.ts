// A batch spread over worker threads and the main thread: each runs lintFile on the files it is handed,
// one at a time, and the results come back to be printed in the order the files were given.

import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { SettingsLayer } from '../../server/src/core';
import { compilerBudget } from './compiler';
import { lintFile, RunSettings, type FileOutcome, type LintOptions } from './lintFile';

const WORKER_ROLE = 'article-lint-worker';
/**
 * Files queued at each worker at once: a worker that waited for its next file after each result would
 * sit idle for a message's round trip per file, longer than a short article takes.
 */
const QUEUED_PER_WORKER = 8;

interface Job {
  readonly index: number;
  readonly file: string;
}

/** lintFile never throws: a file it cannot handle comes back as an outcome with its failure. */
interface JobResult {
  readonly index: number;
  readonly outcome: FileOutcome;
}

interface WorkerSetup {
  readonly role: typeof WORKER_ROLE;
  readonly options: LintOptions;
  readonly explicitLayer: SettingsLayer | undefined;
  /** The process's compiler budget is a short run's (cli/src/compiler.ts): the worker counts its reads too. */
  readonly shortRun: boolean;
}

/** True in a thread started by lintInParallel: it then serves jobs instead of running the CLI. */
export function isPoolWorker(): boolean {
  return !isMainThread && (workerData as WorkerSetup | undefined)?.role === WORKER_ROLE;
}

export function serveJobs(): void {
  const { options, explicitLayer, shortRun } = workerData as WorkerSetup;
  if (shortRun) compilerBudget.startShort(false);
  // A worker serves one run: each folder's settings file is read once.
  const settings = new RunSettings(options, explicitLayer);
  parentPort!.on('message', ({ index, file }: Job) => {
    const result: JobResult = { index, outcome: lintFile(file, options, explicitLayer, settings) };
    parentPort!.postMessage(result);
  });
}

/**
 * Lints `files` `jobs` at a time: the main thread and `jobs` − 1 workers started from `script` (the CLI
 * bundle itself), all taking the next file from one queue, and hands each result to `onResult` in file
 * order. Every file is linted: one that fails comes back with its reason, as it does in the main thread,
 * so the outcome is the same for any number of jobs.
 */
export function lintInParallel(
  script: string,
  files: readonly string[],
  options: LintOptions,
  explicitLayer: SettingsLayer | undefined,
  jobs: number,
  onResult: (outcome: FileOutcome) => void,
  settings: RunSettings = new RunSettings(options, explicitLayer),
): Promise<void> {
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    const done = new Map<number, FileOutcome>();
    let nextJob = 0;
    let nextToReport = 0;
    let stopped = false;
    const finish = (error?: Error) => {
      if (stopped) return;
      stopped = true;
      for (const worker of workers) void worker.terminate();
      if (error) reject(error);
      else resolve();
    };
    const accept = (index: number, outcome: FileOutcome) => {
      if (stopped) return;
      done.set(index, outcome);
      // Results are reported in file order: a fast job's result waits for the ones before it.
      while (done.has(nextToReport)) {
        const next = done.get(nextToReport)!;
        done.delete(nextToReport);
        nextToReport++;
        onResult(next);
      }
      if (nextToReport === files.length) finish();
    };
    const handOut = (worker: Worker) => {
      if (stopped || nextJob >= files.length) return;
      const job: Job = { index: nextJob, file: files[nextJob] };
      nextJob++;
      worker.postMessage(job);
    };
    // The main thread lints one file per turn of the event loop, so the workers' results (and their next
    // files) are handled between its files.
    const lintHere = () => {
      if (stopped || nextJob >= files.length) return;
      const index = nextJob++;
      try {
        accept(index, lintFile(files[index], options, explicitLayer, settings));
      } catch (error) {
        // onResult failed (lintFile never throws): the run cannot go on.
        return finish(error as Error);
      }
      setImmediate(lintHere);
    };
    for (let i = 0; i < Math.min(jobs - 1, files.length); i++) {
      const setup: WorkerSetup = { role: WORKER_ROLE, options, explicitLayer, shortRun: compilerBudget.isShort };
      const worker = new Worker(script, { workerData: setup });
      workers.push(worker);
      worker.on('message', (result: JobResult) => {
        accept(result.index, result.outcome);
        handOut(worker);
      });
      worker.on('error', (error) => finish(error));
      for (let queued = 0; queued < QUEUED_PER_WORKER; queued++) handOut(worker);
    }
    setImmediate(lintHere);
  });
}
