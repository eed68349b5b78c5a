// A batch spread over worker threads: each worker runs lintFile on the files it is handed, one at a
// time, and the results come back to be printed in the order the files were given.

import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { SettingsLayer } from '../../server/src/core';
import { isUserError, lintFile, type FileOutcome, type LintOptions } from './lintFile';

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

type JobResult =
  | { readonly index: number; readonly outcome: FileOutcome }
  /** `user`: a one-line reason for the user (unreadable file, bad settings); otherwise an internal error. */
  | { readonly index: number; readonly failure: string; readonly user: boolean };

interface WorkerSetup {
  readonly role: typeof WORKER_ROLE;
  readonly options: LintOptions;
  readonly explicitLayer: SettingsLayer | undefined;
}

/** True in a thread started by lintInParallel: it then serves jobs instead of running the CLI. */
export function isPoolWorker(): boolean {
  return !isMainThread && (workerData as WorkerSetup | undefined)?.role === WORKER_ROLE;
}

export function serveJobs(): void {
  const { options, explicitLayer } = workerData as WorkerSetup;
  parentPort!.on('message', ({ index, file }: Job) => {
    let result: JobResult;
    try {
      result = { index, outcome: lintFile(file, options, explicitLayer) };
    } catch (error) {
      result = { index, failure: (error as Error).message, user: isUserError(error) };
    }
    parentPort!.postMessage(result);
  });
}

/**
 * Lints `files` on `jobs` workers started from `script` (the CLI bundle itself) and hands each result
 * to `onResult` in file order. Stops handing out files after the first failure.
 */
export function lintInParallel(
  script: string,
  files: readonly string[],
  options: LintOptions,
  explicitLayer: SettingsLayer | undefined,
  jobs: number,
  onResult: (result: JobResult) => boolean,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    const done = new Map<number, JobResult>();
    let nextJob = 0;
    let nextToReport = 0;
    let stopped = false;
    const finish = (error?: Error) => {
      stopped = true;
      for (const worker of workers) void worker.terminate();
      if (error) reject(error);
      else resolve();
    };
    const handOut = (worker: Worker) => {
      if (stopped || nextJob >= files.length) return;
      const job: Job = { index: nextJob, file: files[nextJob] };
      nextJob++;
      worker.postMessage(job);
    };
    for (let i = 0; i < Math.min(jobs, files.length); i++) {
      const setup: WorkerSetup = { role: WORKER_ROLE, options, explicitLayer };
      const worker = new Worker(script, { workerData: setup });
      workers.push(worker);
      worker.on('message', (result: JobResult) => {
        if (stopped) return;
        done.set(result.index, result);
        // Results are reported in file order: a fast worker's result waits for the ones before it.
        while (done.has(nextToReport)) {
          const next = done.get(nextToReport)!;
          done.delete(nextToReport);
          nextToReport++;
          if (!onResult(next)) return finish();
        }
        if (nextToReport === files.length) return finish();
        handOut(worker);
      });
      worker.on('error', (error) => finish(error));
      for (let queued = 0; queued < QUEUED_PER_WORKER; queued++) handOut(worker);
    }
  });
}
