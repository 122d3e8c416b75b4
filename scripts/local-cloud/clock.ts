/**
 * The local cloud's clock: real time plus an offset that demos and tests set, so a
 * "Friday 10:00" drop can be shown on a Tuesday. Functions receive the offset in their
 * invocation context; the database uses it for serverDate(); timers fire on it.
 */
export interface Clock {
  now(): number;
  offsetMs(): number;
  setOffset(ms: number): void;
  onChange(listener: () => void): () => void;
}

export function createClock(initialOffsetMs = 0): Clock {
  let offset = initialOffsetMs;
  const listeners = new Set<() => void>();
  return {
    now: () => Date.now() + offset,
    offsetMs: () => offset,
    setOffset(ms: number) {
      if (!Number.isFinite(ms)) throw new RangeError('clock offset must be a finite number of ms');
      offset = Math.trunc(ms);
      for (const listener of listeners) listener();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
