// Answers a client asks for again and again unchanged (the outline of one version: an outline view, its
// breadcrumbs and sticky headers each ask, some clients on every cursor move). A transport that writes
// bytes (the Node server over stdio: node/keptEncoding.ts) keeps such an answer's encoding from its second
// time on, instead of serialising and encoding it again: on a 1 MB article that is ~600 KB of JSON, most of
// what a repeated documentSymbol request costs the server. Any other transport sends it as it is.

const repeated = new WeakSet<object>();

/** Marks `answer` as one that may be asked for again unchanged; it must not be changed afterwards. */
export function answeredAgain<T extends object>(answer: T): T {
  repeated.add(answer);
  return answer;
}

/** Whether `value` was marked by answeredAgain. */
export function isAnsweredAgain(value: unknown): value is object {
  return typeof value === 'object' && value !== null && repeated.has(value);
}
