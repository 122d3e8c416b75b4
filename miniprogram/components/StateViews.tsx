/** The shared loading / empty / error states every page uses. */
import { Text, View } from '@tarojs/components';
import { Button } from './Button';
import { openTarget, type EntryTarget } from '../utils/navigate';
import './StateViews.css';

export function Skeleton({ rows = 3 }: { rows?: number }) {
  return (
    <View className='skeleton' aria-busy='true' aria-label='加载中'>
      {Array.from({ length: rows }, (_, i) => (
        <View key={i} className={`skeleton__row ${i === 0 ? 'skeleton__row--short' : ''}`} />
      ))}
    </View>
  );
}

/** What to do next from an empty state: a button that opens a page (`to`) or does something (`onClick`). */
export type NextStep = { label: string; to: EntryTarget } | { label: string; onClick: () => void };

/**
 * Nothing to show yet. Say what the person can do about it: `hint` in words, and `action` as a
 * button when there is a page for it (暂无报名 → 去看看暑托班).
 */
export function EmptyState({ title, hint, action }: { title: string; hint?: string; action?: NextStep }) {
  return (
    <View className='state state--empty'>
      <View className='state__icon'>
        <Text>空</Text>
      </View>
      <Text className='state__title'>{title}</Text>
      {hint ? <Text className='state__hint'>{hint}</Text> : null}
      {action ? (
        <Button className='state__action' size='mini' onClick={() => ('to' in action ? openTarget(action.to) : action.onClick())}>
          {action.label}
        </Button>
      ) : null}
    </View>
  );
}

export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <View className='state state--error'>
      <View className='state__icon state__icon--error'>
        <Text>!</Text>
      </View>
      <Text className='state__title'>{message}</Text>
      {onRetry ? (
        <Button className='state__retry' size='mini' onClick={onRetry}>
          重试
        </Button>
      ) : null}
    </View>
  );
}
