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

export interface SharedClock extends Clock {
  /** The offset in shared memory, so the database thread reads the same clock without messages. */
  readonly shared: SharedArrayBuffer;
}

export function createClock(initialOffsetMs = 0): SharedClock {
  const shared = new SharedArrayBuffer(8);
  const cell = new Float64Array(shared);
  cell[0] = Math.trunc(initialOffsetMs);
  const listeners = new Set<() => void>();
  return {
    shared,
    now: () => Date.now() + cell[0],
    offsetMs: () => cell[0],
    setOffset(ms: number) {
      if (!Number.isFinite(ms)) throw new RangeError('clock offset must be a finite number of ms');
      cell[0] = Math.trunc(ms);
      for (const listener of listeners) listener();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
