/**
 * How deeply a request may nest. No request schema goes deeper than a handful of levels, while
 * JSON nested thousands deep makes recursive code (structured clone between threads, validators,
 * serialisers) overflow the stack. Both checks are loops with an explicit stack, so they cannot
 * overflow themselves.
 */

/** Objects/arrays inside objects/arrays: deeper than this is refused before anything reads it. */
export const MAX_NESTING = 32;

/** True when the JSON text opens more than `limit` objects/arrays inside each other (strings skipped). */
export function jsonTextNestsDeeper(text: string, limit = MAX_NESTING): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** True when the value has objects/arrays nested more than `limit` deep. */
export function valueNestsDeeper(value: unknown, limit = MAX_NESTING): boolean {
  const stack: Array<{ v: unknown; d: number }> = [{ v: value, d: 0 }];
  while (stack.length) {
    const { v, d } = stack.pop() as { v: unknown; d: number };
    if (typeof v !== 'object' || v === null) continue;
    if (d >= limit) return true;
    for (const child of Object.values(v)) if (typeof child === 'object' && child !== null) stack.push({ v: child, d: d + 1 });
  }
  return false;
}
