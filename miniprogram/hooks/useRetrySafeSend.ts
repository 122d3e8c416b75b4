import { useCallback, useRef, useState } from 'react';
import type { Result } from '../../shared/envelope';
import { newRequestId } from '../services/requestId';

/** By default only a lost answer (NETWORK: the request may have run) keeps a request open. */
const LOST_ANSWER: readonly string[] = ['NETWORK'];

export interface RetrySafeCalls {
  /**
   * Runs `call` with the request id of `key`'s change (one change per form by default; a list
   * passes one key per row). The id is kept while the answer did not come (`unanswered` codes),
   * so the next tap repeats the same request, which the server applies at most once; any other
   * answer ends the request, and the next tap is a new one.
   */
  run: <T>(call: (requestId: string) => Promise<Result<T>>, key?: string) => Promise<Result<T>>;
  /** True while `key`'s last request has no final answer (a tap now repeats it). */
  pending: (key?: string) => boolean;
  /** Drops `key`'s open request: what it would send has changed, so the next tap is a new request. */
  forget: (key?: string) => void;
}

/**
 * The one place the mini-program keeps request ids for its changes. `unanswered`: the codes that
 * are not a final answer (default NETWORK only; the benefits page also keeps BUSY and INTERNAL,
 * after which a claim may still be running).
 */
export function useRetrySafeCalls(unanswered: readonly string[] = LOST_ANSWER): RetrySafeCalls {
  const open = useRef(new Map<string, string>());
  const codes = useRef(unanswered);
  codes.current = unanswered;

  const run = useCallback(async <T>(call: (requestId: string) => Promise<Result<T>>, key = ''): Promise<Result<T>> => {
    const requestId = open.current.get(key) ?? newRequestId();
    open.current.set(key, requestId);
    const res = await call(requestId);
    // Another run of this key may have ended the request meanwhile; only this one's id is dropped.
    if ((res.ok || !codes.current.includes(res.error.code)) && open.current.get(key) === requestId) open.current.delete(key);
    return res;
  }, []);
  const pending = useCallback((key = '') => open.current.has(key), []);
  const forget = useCallback((key = '') => void open.current.delete(key), []);

  return { run, pending, forget };
}

/**
 * Sends one change (an admin's decision, a status change) with useRetrySafeCalls' request id and
 * keeps its state: `busy` while it runs, the server's message in `error`. `send` resolves with
 * the data, or null after putting the message in `error`.
 */
export function useRetrySafeSend(): {
  send: <T>(call: (requestId: string) => Promise<Result<T>>) => Promise<T | null>;
  busy: boolean;
  error: string | null;
  setError: (message: string | null) => void;
} {
  const { run } = useRetrySafeCalls();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const send = useCallback(
    async <T>(call: (requestId: string) => Promise<Result<T>>): Promise<T | null> => {
      setError(null);
      setBusy(true);
      const res = await run(call);
      setBusy(false);
      if (!res.ok) {
        setError(res.error.message);
        return null;
      }
      return res.data;
    },
    [run],
  );

  return { send, busy, error, setError };
}
