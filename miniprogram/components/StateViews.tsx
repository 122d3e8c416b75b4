/** The shared loading / empty / error states every page uses. */
import { Text, View } from '@tarojs/components';
import { Button } from './Button';
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

export function EmptyState({ title, hint }: { title: string; hint?: string }) {
  return (
    <View className='state state--empty'>
      <View className='state__icon'>
        <Text>空</Text>
      </View>
      <Text className='state__title'>{title}</Text>
      {hint ? <Text className='state__hint'>{hint}</Text> : null}
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
