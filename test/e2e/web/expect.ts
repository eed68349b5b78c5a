// The few assertions the browser suite needs (node:assert is not there in a web worker).

export function ok(value: unknown, message = 'expected a truthy value'): asserts value {
  if (!value) throw new Error(message);
}

export function equal<T>(actual: T, expected: T, message?: string): void {
  if (actual !== expected) throw new Error(`${message ? `${message}: ` : ''}got ${show(actual)}, want ${show(expected)}`);
}

/** Equal as JSON (plain data: ranges, counts, lists). */
export function deepEqual(actual: unknown, expected: unknown, message?: string): void {
  const a = JSON.stringify(actual);
  const b = JSON.stringify(expected);
  if (a !== b) throw new Error(`${message ? `${message}: ` : ''}got ${a.slice(0, 400)}, want ${b.slice(0, 400)}`);
}

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}…` : value) : String(value);
}
