// An esbuild plugin that keeps one copy of each TypeScript emit helper in a bundle. tsc writes its helpers
// (`__createBinding`, `__importStar`, `__awaiter`, ...) at the top of every CommonJS file it emits, so
// vscode-languageclient, vscode-languageserver and vscode-jsonrpc bring dozens of identical copies into
// the web bundles. Each copy is replaced by a `require` of a module holding that helper, the same text,
// once: the bundle behaves the same and is some 8–23 KB smaller.
//
// Only the helpers tsc puts at a file's very top (after "use strict") are taken, each as written, and only
// when every `__name` a helper uses is one of the helpers before it: anything else leaves the file alone.

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

const NAMESPACE = 'ts-helper';
const PREFIX = `${NAMESPACE}:`;
const HELPER_START = /^var (__[A-Za-z]+) = \(this && this\.\1\) \|\| /;

/**
 * The end (exclusive) of the statement that starts at `from`: its `;` outside any bracket and string.
 * Undefined when the text ends first or a bracket closes that was not opened.
 */
function statementEnd(source, from) {
  let depth = 0;
  for (let i = from; i < source.length; i++) {
    const c = source[i];
    if (c === '"' || c === "'" || c === '`') {
      // A string: to its closing quote, over escapes (helpers hold no template `${}` nor regular expression).
      for (i++; i < source.length && source[i] !== c; i++) if (source[i] === '\\') i++;
      if (i >= source.length) return undefined;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (--depth < 0) return undefined;
    } else if (c === ';' && depth === 0) return i + 1;
  }
  return undefined;
}

/** Past the white space and comments (a licence header, a `/// <reference>`) from `at`. */
function skipComments(source, at) {
  const space = /^(?:\s+|\/\*[\s\S]*?\*\/|\/\/[^\n]*)*/.exec(source.slice(at, at + 4000));
  return at + space[0].length;
}

/**
 * The helpers at the top of a tsc-emitted CommonJS file, in order: name, statement text and where it is.
 * Empty when the file does not start that way, or a helper uses a `__name` not defined before it.
 */
export function findHelpers(source) {
  const helpers = [];
  const strict = /^(?:\uFEFF)?(?:"use strict";|'use strict';)?/.exec(source);
  let at = skipComments(source, strict[0].length);
  for (;;) {
    const start = HELPER_START.exec(source.slice(at, at + 200));
    if (!start) break;
    const end = statementEnd(source, at);
    if (end === undefined) return [];
    const text = source.slice(at, end);
    const name = start[1];
    const known = new Set(helpers.map((h) => h.name));
    // Names, not properties (`mod.__esModule`, `this.__importStar`).
    const uses = [...new Set(text.match(/(?<![.\w$])__[A-Za-z]+\b/g))].filter((used) => used !== name);
    if (!uses.every((used) => known.has(used))) return [];
    helpers.push({ name, text, uses, start: at, end });
    at = skipComments(source, end);
  }
  return helpers;
}

/**
 * One helper's module id: its text and the ids of the helpers it uses (an `__importStar` calls the
 * `__createBinding` written before it), so two helpers share a module only if they are the same code.
 */
function helperId(helper, idsByName) {
  const hash = createHash('sha256').update(helper.text);
  for (const used of helper.uses) hash.update(`\0${used}=${idsByName.get(used)}`);
  return `${PREFIX}${helper.name}-${hash.digest('hex').slice(0, 16)}`;
}

/**
 * The file with its helpers replaced by `require`s of the shared modules (line breaks kept, so the
 * lines below stay where the source map has them), and the modules it needs: id → module text.
 * Undefined when the file has no helpers to share.
 */
export function shareHelpers(source) {
  const helpers = findHelpers(source);
  if (helpers.length === 0) return undefined;
  const idsByName = new Map();
  const modules = new Map();
  let code = '';
  let copied = 0;
  for (const helper of helpers) {
    const id = helperId(helper, idsByName);
    idsByName.set(helper.name, id);
    const imports = helper.uses.map((used) => `var ${used} = require(${JSON.stringify(idsByName.get(used))});\n`).join('');
    // "use strict" as in the file it came from: `this` is undefined there, as in the file's own copy.
    modules.set(id, `"use strict";\n${imports}${helper.text}\nmodule.exports = ${helper.name};\n`);
    const lineBreaks = '\n'.repeat(helper.text.split('\n').length - 1);
    code += `${source.slice(copied, helper.start)}var ${helper.name} = require(${JSON.stringify(id)});${lineBreaks}`;
    copied = helper.end;
  }
  return { code: code + source.slice(copied), modules };
}

/** The plugin: CommonJS files under node_modules share their helpers. */
export function sharedTsHelpers() {
  return {
    name: 'shared-ts-helpers',
    setup(build) {
      const modules = new Map();
      build.onResolve({ filter: /^ts-helper:/ }, (args) => ({ path: args.path.slice(PREFIX.length), namespace: NAMESPACE }));
      // A file is loaded before its imports are resolved, so its helpers' modules are known by then.
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => {
        const contents = modules.get(PREFIX + args.path);
        return contents === undefined ? { errors: [{ text: `no TypeScript helper ${args.path}` }] } : { contents, loader: 'js' };
      });
      build.onLoad({ filter: /[\\/]node_modules[\\/].*\.js$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        const shared = shareHelpers(source);
        if (!shared) return undefined;
        for (const [id, text] of shared.modules) modules.set(id, text);
        return { contents: shared.code, loader: 'js' };
      });
    },
  };
}
