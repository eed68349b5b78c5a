// Runs the browser suite inside VS Code's web worker extension host (loaded as `extensionTestsPath` by
// scripts/e2e/run-web.mjs). Everything is bundled in (scripts/e2e/build-tests.mjs): that host loads
// one CommonJS file and gives it nothing but `vscode`. mocha is its browser build.

import 'mocha/mocha.js';
import { format, report } from './report';

/** Set by mocha's browser build (scripts/e2e/build-tests.mjs hides the host's `exports` from it). */
declare const Mocha: { reporters: { Base: { consoleLog: (...args: unknown[]) => void } } };

export function run(): Promise<void> {
  // No DOM here: mocha's console reporter, its lines marked for the runner to pick out of the page's log.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => report(format(...args));
  mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30_000 } as Mocha.MochaOptions);
  return import('./suite').then(
    () =>
      new Promise<void>((resolve, reject) => {
        const runner = mocha.run((failures) => {
          const { passes = 0, failures: failed = 0 } = runner.stats ?? {};
          report(`${passes} passed, ${failed} failed`);
          if (failures > 0) reject(new Error(`${failures} browser end-to-end test(s) failed`));
          else resolve();
        });
      }),
  );
}
