// Shrinks a failing text: removes lines, then ever smaller stretches, while the property still fails the
// same way (the same first line of its message, numbers aside). Bounded in time: a shrunk case is a help,
// not a proof.

/** The kind of a failure: its message's first line with every number taken out. */
export function failureKind(error) {
  return String(error?.message ?? error).split('\n')[0].replace(/\d+/g, 'N').slice(0, 200);
}

/**
 * Shrinks `text` while `fails(text)` returns the same kind as `kind`. `fails` returns the failure's kind,
 * or undefined when the property holds. Stops after `seconds`.
 */
export async function shrink(text, kind, fails, seconds = 60) {
  const deadline = Date.now() + seconds * 1000;
  const still = async (candidate) => Date.now() < deadline && (await fails(candidate)) === kind;
  let current = text;
  // Lines first, in halves, quarters, … (ddmin over lines), then characters the same way.
  for (const unit of ['line', 'char']) {
    let parts = split(current, unit);
    let chunk = Math.max(1, Math.floor(parts.length / 2));
    while (chunk >= 1 && Date.now() < deadline) {
      let removed = false;
      for (let at = 0; at < parts.length && Date.now() < deadline; ) {
        const candidate = [...parts.slice(0, at), ...parts.slice(at + chunk)].join('');
        if (candidate !== current && (await still(candidate))) {
          current = candidate;
          parts = split(current, unit);
          removed = true;
        } else at += chunk;
      }
      if (!removed) chunk = Math.floor(chunk / 2);
      else chunk = Math.min(chunk, Math.max(1, Math.floor(parts.length / 2)));
    }
  }
  return current;
}

function split(text, unit) {
  if (unit === 'char') return text.split('');
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}
