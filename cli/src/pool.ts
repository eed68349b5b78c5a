// A batch spread over worker threads: each worker runs lintFile on the files it is handed, one at a
// time, and the results come back to be printed in the order the files were given.

import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { SettingsLayer } from '../../server/src/core';
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
}

/** True in a thread started by lintInParallel: it then serves jobs instead of running the CLI. */
export function isPoolWorker(): boolean {
  return !isMainThread && (workerData as WorkerSetup | undefined)?.role === WORKER_ROLE;
}

export function serveJobs(): void {
  const { options, explicitLayer } = workerData as WorkerSetup;
  // A worker serves one run: each folder's settings file is read once.
  const settings = new RunSettings(options, explicitLayer);
  parentPort!.on('message', ({ index, file }: Job) => {
    const result: JobResult = { index, outcome: lintFile(file, options, explicitLayer, settings) };
    parentPort!.postMessage(result);
  });
}

/**
 * Lints `files` on `jobs` workers started from `script` (the CLI bundle itself) and hands each result
 * to `onResult` in file order. Every file is linted: one that fails comes back with its reason, as it
 * does in the main thread, so the outcome is the same for any number of workers.
 */
export function lintInParallel(
  script: string,
  files: readonly string[],
  options: LintOptions,
  explicitLayer: SettingsLayer | undefined,
  jobs: number,
  onResult: (outcome: FileOutcome) => void,
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
          onResult(next.outcome);
        }
        if (nextToReport === files.length) return finish();
        handOut(worker);
      });
      worker.on('error', (error) => finish(error));
      for (let queued = 0; queued < QUEUED_PER_WORKER; queued++) handOut(worker);
    }
  });
}
