import { useCallback, useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import type { AppError, Result } from '../../shared/envelope';
import { EVENTS } from '../utils/events';

export type RemoteState<T> = { status: 'loading' } | { status: 'error'; error: AppError } | { status: 'ready'; data: T };

/**
 * Loads one services call and tracks loading / error / ready, with `reload` for the "重试" button.
 * Reloads when the H5 demo switches persona. Results arriving after unmount or after a newer
 * request are dropped, so a slow old answer never overwrites a fresh one.
 */
export function useRemote<T>(load: () => Promise<Result<T>>): { state: RemoteState<T>; reload: () => void } {
  const [state, setState] = useState<RemoteState<T>>({ status: 'loading' });
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(() => {
    const ticket = ++latest.current;
    setState({ status: 'loading' });
    void loadRef.current().then((res) => {
      if (ticket !== latest.current) return;
      setState(res.ok ? { status: 'ready', data: res.data } : { status: 'error', error: res.error });
    });
  }, []);

  useEffect(() => {
    reload();
    Taro.eventCenter.on(EVENTS.personaChanged, reload);
    return () => {
      latest.current += 1;
      Taro.eventCenter.off(EVENTS.personaChanged, reload);
    };
  }, [reload]);

  return { state, reload };
}
