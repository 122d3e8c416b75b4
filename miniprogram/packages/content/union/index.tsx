/** A union's page: name, followers, follow button, and everything it has published. */
import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { PostCard as Post, UnionCard, UnionPageResult } from '../../../../shared/content/views';
import { api } from '../../../services/api';
import { EmptyState } from '../../../components/StateViews';
import { RemoteGate } from '../../../components/RemoteView';
import { PostCard } from '../../../components/PostCard';
import { usePaged } from '../../../hooks/usePaged';
import { elderClass } from '../../../utils/elderMode';
import '../content.css';

export default function UnionPage() {
  const { params } = useRouter();
  const unionId = params.id ?? '';
  const [union, setUnion] = useState<UnionCard | null>(null);
  const [postCount, setPostCount] = useState(0);
  const { state, reload, loadMore } = usePaged<Post, UnionPageResult & { items: Post[] }>(
    async (cursor) => {
      const res = await api.content.unionPage({ unionId, ...(cursor ? { cursor } : {}) });
      return res.ok ? { ok: true, data: { ...res.data, items: res.data.posts } } : res;
    },
    (page) => {
      setUnion(page.union);
      setPostCount(page.postCount);
      void Taro.setNavigationBarTitle({ title: page.union.name });
    },
  );
  useReachBottom(loadMore);

  const toggle = async () => {
    if (!union) return;
    const res = await api.content.follow(union.id, !union.following);
    if (!res.ok) return void Taro.showToast({ title: res.error.message, icon: 'none' });
    setUnion({ ...union, following: res.data.following, followers: res.data.followers });
  };

  return (
    <View className={`page${elderClass()}`}>
      {union ? (
        <View className='hero'>
          <Text className='hero__title'>{union.name}</Text>
          <Text className='hero__sub'>
            {union.levelLabel} · {union.followers} 人关注 · {postCount} 篇内容
          </Text>
          <Text
            className={`ct-follow ${union.following ? 'ct-follow--on' : ''}`}
            style={{ display: 'inline-block', marginTop: '12px', background: '#fff' }}
            onClick={() => void toggle()}
          >
            {union.following ? '已关注' : '+ 关注'}
          </Text>
        </View>
      ) : null}
      {state.status !== 'ready' ? (
        <RemoteGate state={state} reload={reload} rows={5} />
      ) : state.items.length === 0 ? (
        <View className='card'>
          <EmptyState title='还没有发布内容' hint='关注后，该工会发布的活动和资讯会出现在「活动」里' />
        </View>
      ) : (
        <>
          {state.items.map((p) => (
            <View key={p.id} className='ct-row'>
              <PostCard post={p} />
            </View>
          ))}
          <Text className='note' style={{ textAlign: 'center' }}>
            {state.loadingMore ? '加载中…' : state.hasMore ? '上拉加载更多' : '没有更多了'}
          </Text>
        </>
      )}
    </View>
  );
}
