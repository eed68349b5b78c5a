// Runs the end-to-end suite inside VS Code's extension host (both runners load this file as
// `extensionTestsPath`). mocha comes from the extension's own node_modules at run time.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

export function run(): Promise<void> {
  // code-server's extension host forwards console arguments unformatted and mixes them with the
  // workbench's own logging: format them ourselves and mark each line for the runner to pick out.
  (Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void }).consoleLog = (...args) =>
    report(format(...args));
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec', grep: process.env.E2E_GREP });
  const suiteDir = path.join(__dirname, 'suite');
  for (const file of fs.readdirSync(suiteDir).sort()) {
    if (file.endsWith('.test.js')) mocha.addFile(path.join(suiteDir, file));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const { passes = 0, failures: failed = 0 } = runner.stats ?? {};
      // The runners read this line; keep its shape.
      report(`${passes} passed, ${failed} failed`);
      if (failures > 0) reject(new Error(`${failures} end-to-end test(s) failed`));
      else resolve();
    });
  });
}

/** Every line the suite reports starts with this marker (scripts/e2e/run-codeserver.mjs looks for it). */
export const MARKER = '[article-e2e] ';

function report(text: string): void {
  console.log(text.split('\n').map((line) => MARKER + line).join('\n'));
}
