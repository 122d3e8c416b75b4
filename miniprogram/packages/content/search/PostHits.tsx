/** Published activities and articles matching the keyword (content.search), paged on reach-bottom. */
import { Text, View } from '@tarojs/components';
import { useReachBottom } from '@tarojs/taro';
import type { FeedResult, PostCard as Post } from '../../../../shared/content/views';
import { api } from '../../../services/api';
import { usePaged } from '../../../hooks/usePaged';
import { ErrorState } from '../../../components/StateViews';
import { PostCard } from '../../../components/PostCard';

export default function PostHits({ keyword }: { keyword: string }) {
  const { state, reload, loadMore } = usePaged<Post, FeedResult>((cursor) => api.content.search(keyword, cursor));
  useReachBottom(loadMore);
  if (state.status === 'loading') return <Text className='sr-note'>正在查找活动与资讯…</Text>;
  if (state.status === 'error') return <ErrorState message={state.error.message} onRetry={reload} />;
  if (state.items.length === 0) return <Text className='sr-note'>没有相关的活动或资讯</Text>;
  return (
    <View>
      {state.items.map((p) => (
        <View key={p.id} className='sr-post'>
          <PostCard post={p} />
        </View>
      ))}
      {state.moreError ? (
        <Text className='sr-note' onClick={loadMore}>
          {state.moreError}，点击重试
        </Text>
      ) : (
        <Text className='sr-note'>{state.loadingMore ? '加载中…' : state.hasMore ? '上拉加载更多' : '没有更多了'}</Text>
      )}
    </View>
  );
}
