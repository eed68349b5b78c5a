// How much V8's optimizing compiler inlines in the CLI's process: little while the run is short, V8's
// default once it is long.
//
// A fresh process spends much of a short run optimizing the linter's code. On the 1,071-article batch
// (2.3 MB) V8's optimizing compiler took ~1.5 s of CPU on its background threads beside ~2 s of analysis
// on the main thread, most of it compiling the many small predicates the large functions call
// (gatherEvidence, the rules' checks) into them; on a machine whose cores are busy that competes with the
// analysis itself. With less inlined the process's CPU falls by a fifth and the main thread is no slower
// on such a batch — but the code is slower once it runs long: ~10 % more main-thread time on a 10 MB
// file, where the compiler's work is paid back many times. So the budget is small until the process has
// read FULL_INLINING_AFTER characters, then V8's default (docs/performance-log.md, batch16). Tuning only: the
// output is the same with any budget.

import { setFlagsFromString } from 'node:v8';

/** V8's own budget (bytes of bytecode inlined into one optimized function), `--max-inlined-bytecode-size-cumulative`. */
export const DEFAULT_INLINING = 920;
/** The budget of a short run. */
export const SHORT_RUN_INLINING = 150;
/** Characters read (in this thread) after which the run is long: V8's default budget from the next file on. */
export const FULL_INLINING_AFTER = 2_000_000;

const flag = (budget: number) => `--max-inlined-bytecode-size-cumulative=${budget}`;

export class CompilerBudget {
  private read = 0;
  private short = false;

  constructor(private readonly setFlags: (flags: string) => void = setFlagsFromString) {}

  /**
   * Starts the run short, unless Node was given an inlining budget of its own (`node --max-inlined-…`,
   * NODE_OPTIONS). V8 flags are the process's: a worker of --jobs counts its own reads with `setFlags`
   * false, the budget being set already.
   */
  startShort(setFlags = true, nodeOptions = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' ')): void {
    if (nodeOptions.includes('--max-inlined-bytecode-size')) return;
    this.short = true;
    if (setFlags) this.setFlags(flag(SHORT_RUN_INLINING));
  }

  /** The run is short, its budget not restored yet. */
  get isShort(): boolean {
    return this.short;
  }

  /** Counts a file's characters before it is analysed: past FULL_INLINING_AFTER the run is long. */
  willAnalyse(characters: number): void {
    if (!this.short) return;
    this.read += characters;
    if (this.read >= FULL_INLINING_AFTER) {
      this.short = false;
      this.setFlags(flag(DEFAULT_INLINING));
    }
  }

  /** The flags this budget sets, for the test that this Node knows them. */
  static readonly flags = [flag(SHORT_RUN_INLINING), flag(DEFAULT_INLINING)];
}

/** The CLI process's budget (started short by the bin only: a test calling main() keeps V8's defaults). */
export const compilerBudget = new CompilerBudget();
