/**
 * The not-ready half of a useRemote / usePaged load: a skeleton (in a card unless `bare`) while
 * loading, the error with 重试 on failure. Callers narrow first, so the ready branch keeps its
 * typed data and its closures stay where they are:
 *   if (state.status !== 'ready') return <RemoteGate state={state} reload={reload} rows={5} page='page' />;
 *   {state.status !== 'ready' ? <RemoteGate state={state} reload={reload} rows={5} /> : …ready UI}
 */
import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import type { AppError } from '../../shared/envelope';
import { ErrorState, Skeleton } from './StateViews';
import { elderClass } from '../utils/elderMode';

export type NotReady = { status: 'loading' } | { status: 'error'; error: AppError };

interface RemoteGateProps {
  state: NotReady;
  reload: () => void;
  rows?: number;
  /** Classes of a page root to wrap the state in (for pages that return early). */
  page?: string;
  /** Skeleton without its card, for callers already inside one. */
  bare?: boolean;
  /** Rendered after the state inside the page root (only with `page`), e.g. <LocalTools />. */
  children?: ReactNode;
}

export function RemoteGate({ state, reload, rows, page, bare, children }: RemoteGateProps) {
  const body =
    state.status === 'error' ? (
      <ErrorState message={state.error.message} onRetry={reload} />
    ) : bare ? (
      <Skeleton rows={rows} />
    ) : (
      <View className='card'>
        <Skeleton rows={rows} />
      </View>
    );
  if (page === undefined) return body;
  return (
    <View className={page + elderClass()}>
      {body}
      {children}
    </View>
  );
}
