import { useCallback, useRef, useState } from 'react';
import type { Result } from '../../shared/envelope';
import { newRequestId } from '../services/requestId';

/**
 * Sends one change (an admin's decision, a status change) with a requestId that is kept only
 * when the answer was lost (NETWORK): tapping again then repeats the same request, which the
 * server applies at most once. Any real answer ends the request; the next tap is a new one.
 * `send` resolves with the data, or null after putting the server's message in `error`.
 */
export function useRetrySafeSend(): {
  send: <T>(call: (requestId: string) => Promise<Result<T>>) => Promise<T | null>;
  busy: boolean;
  error: string | null;
  setError: (message: string | null) => void;
} {
  const requestId = useRef<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const send = useCallback(async <T,>(call: (requestId: string) => Promise<Result<T>>): Promise<T | null> => {
    setError(null);
    requestId.current = requestId.current ?? newRequestId();
    setBusy(true);
    const res = await call(requestId.current);
    setBusy(false);
    if (!res.ok && res.error.code === 'NETWORK') {
      setError(res.error.message);
      return null;
    }
    requestId.current = null;
    if (!res.ok) {
      setError(res.error.message);
      return null;
    }
    return res.data;
  }, []);

  return { send, busy, error, setError };
}
