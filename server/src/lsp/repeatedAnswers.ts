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

const repeatedLater = new WeakSet<object>();

/**
 * `answeredAgain`, for an answer likely sent again for later versions too: a new version's symbols, which the
 * next version sends again when its outline stands as this one (lsp/handlers.ts), while the editor asks after
 * each edit. A transport that keeps encodings keeps this one's from its first sending, not its second.
 */
export function answeredAgainLater<T extends object>(answer: T): T {
  repeatedLater.add(answeredAgain(answer));
  return answer;
}

/** Whether `value` was marked by answeredAgainLater. */
export function isAnsweredAgainLater(value: object): boolean {
  return repeatedLater.has(value);
}

/**
 * Answers kept per key (a version's analysis) for a client that asks again: an answer of up to `longest`
 * items for as long as its key lives, a longer one only until the garbage collector next reclaims memory.
 * A 10 MB article's outline is ~30,000 symbols, as much memory again as the core's own outline (~9 MB of
 * objects the idle server held); rebuilt from that outline it costs a fraction of sending it (~6 MB of
 * JSON), and VS Code keeps the outline of a version itself. Kept weakly, an outline view and breadcrumbs
 * asking one after the other still share one.
 */
export class KeptAnswers<K extends object, V extends object> {
  private readonly kept = new WeakMap<K, Kept<V>>();

  constructor(private readonly longest: number) {}

  get(key: K): V | undefined {
    return this.kept.get(key)?.deref();
  }

  /** Keeps `answer` (of `size` items) for `key`, and returns it. */
  keep(key: K, answer: V, size: number): V {
    this.kept.set(key, keptAnswer(answer, size, this.longest));
    return answer;
  }
}

/** An answer kept for as long as its holder lives, or only weakly. */
export interface Kept<V extends object> {
  deref(): V | undefined;
}

/** `answer` (of `size` items) kept: for as long as it is held when it has at most `longest` items, else only weakly. */
export function keptAnswer<V extends object>(answer: V, size: number, longest: number): Kept<V> {
  return size <= longest ? { deref: () => answer } : new WeakRef(answer);
}
