// JSON written in ASCII alone: every character past U+007F as its \uXXXX escape, which JSON.parse reads back
// as the same character. For the answers a client is sent again and again (lsp/repeatedAnswers.ts: a
// megabyte's outline, ~600 KB): the client (vscode-jsonrpc, in VS Code's extension host as in the bench)
// turns a message's bytes into a string (`Buffer.toString('utf-8')`) before JSON.parse, and bytes that are
// all ASCII take the decoder's fast path and make a one-byte string. An outline's names are Chinese, ~10 % of
// its characters: escaped, the answer is 17 % longer but the client reads it with ~21 % fewer instructions
// (docs/performance-log.md, branch sym23).

/**
 * `\uXXXX` of each UTF-16 code unit past U+007F met so far (lower-case hex, as JSON.stringify writes a lone
 * surrogate): a few thousand distinct characters in an article's outline, not a table of all 65,536.
 */
const escapes = new Map<number, string>();
const KEPT_ESCAPES = 8192;

/** `json` (JSON text) with every character past U+007F written as its escape: the same JSON, in ASCII. */
export function asciiJson(json: string): string {
  return json.replace(/[^\x00-\x7f]+/g, escapedRun);
}

function escapedRun(run: string): string {
  let out = '';
  for (let i = 0; i < run.length; i++) {
    const code = run.charCodeAt(i);
    let escape = escapes.get(code);
    if (escape === undefined) {
      escape = `\\u${code.toString(16).padStart(4, '0')}`;
      if (escapes.size < KEPT_ESCAPES) escapes.set(code, escape);
    }
    out += escape;
  }
  return out;
}
