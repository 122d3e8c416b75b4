import { useCallback, useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import type { AppError, Result } from '../../shared/envelope';
import { EVENTS } from '../utils/events';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type PagedState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: AppError }
  | { status: 'ready'; items: T[]; hasMore: boolean; loadingMore: boolean; moreError: string | null };

/**
 * A cursor-paginated list: first page, `loadMore` (reach-bottom), `reload` (pull-down / 重试 /
 * persona switch). Answers that arrive after a newer reload are dropped.
 */
export function usePaged<T, P extends Page<T>>(load: (cursor?: string) => Promise<Result<P>>, onPage?: (page: P) => void) {
  const [state, setState] = useState<PagedState<T>>({ status: 'loading' });
  const cursor = useRef<string | null>(null);
  const ticket = useRef(0);
  const busy = useRef(false);
  const loadRef = useRef(load);
  loadRef.current = load;
  const onPageRef = useRef(onPage);
  onPageRef.current = onPage;

  const reload = useCallback(() => {
    const mine = ++ticket.current;
    busy.current = true;
    setState({ status: 'loading' });
    void loadRef.current().then((res) => {
      if (mine !== ticket.current) return;
      busy.current = false;
      if (!res.ok) return setState({ status: 'error', error: res.error });
      cursor.current = res.data.nextCursor;
      onPageRef.current?.(res.data);
      setState({ status: 'ready', items: res.data.items, hasMore: !!res.data.nextCursor, loadingMore: false, moreError: null });
    });
  }, []);

  const loadMore = useCallback(() => {
    if (busy.current || !cursor.current) return;
    const mine = ticket.current;
    busy.current = true;
    setState((s) => (s.status === 'ready' ? { ...s, loadingMore: true, moreError: null } : s));
    void loadRef.current(cursor.current).then((res) => {
      if (mine !== ticket.current) return;
      busy.current = false;
      if (!res.ok) return setState((s) => (s.status === 'ready' ? { ...s, loadingMore: false, moreError: res.error.message } : s));
      cursor.current = res.data.nextCursor;
      setState((s) =>
        s.status === 'ready'
          ? { status: 'ready', items: [...s.items, ...res.data.items], hasMore: !!res.data.nextCursor, loadingMore: false, moreError: null }
          : s,
      );
    });
  }, []);

  useEffect(() => {
    reload();
    Taro.eventCenter.on(EVENTS.personaChanged, reload);
    return () => {
      ticket.current += 1;
      Taro.eventCenter.off(EVENTS.personaChanged, reload);
    };
  }, [reload]);

  return { state, reload, loadMore };
}
