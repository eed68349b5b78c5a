// What text the linter accepts, the same for the CLI and the editor: binary data is refused, not
// "fixed" (a NUL byte never occurs in an article; a file that has one is not text).

/** Why `text` is not analysed, or undefined when it is text. */
export function unreadableReason(text: string): 'binary' | undefined {
  return text.includes('\0') ? 'binary' : undefined;
}
