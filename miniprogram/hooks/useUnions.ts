import { useEffect, useState } from 'react';
import { api } from '../services/api';
import type { ListUnionsRequest, UnionItem } from '../../shared/member/schemas';

export type UnionsLoad =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; unions: UnionItem[]; truncated: boolean };

/**
 * member.listUnions with loading / error state, for union pickers (the join form's routing, the
 * admin's transfer target). `query === null` means "nothing to load yet"; `delayMs` debounces
 * typed keywords. Returns the state and a retry.
 */
export function useUnions(query: ListUnionsRequest | null, delayMs = 0): [UnionsLoad, () => void] {
  const [state, setState] = useState<UnionsLoad>({ status: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const key = query ? JSON.stringify(query) : '';
  useEffect(() => {
    if (!query) {
      setState({ status: 'idle' });
      return;
    }
    let live = true;
    setState({ status: 'loading' });
    const timer = setTimeout(() => {
      void api.member.listUnions(query).then((res) => {
        if (!live) return;
        setState(
          res.ok
            ? { status: 'ready', unions: res.data.unions, truncated: res.data.truncated }
            : { status: 'error', message: res.error.message },
        );
      });
    }, delayMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for `query` (a fresh object each render).
  }, [key, attempt, delayMs]);
  return [state, () => setAttempt((n) => n + 1)];
}
