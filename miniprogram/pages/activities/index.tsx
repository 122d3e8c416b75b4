/**
 * The 活动 tab: what the unions I follow publish, newest first (cursor pages on reach-bottom, a
 * windowed list so long feeds stay light). Someone who follows nothing sees the city union's
 * posts and a prompt to follow unions. The search entry under the hero opens 搜索 (activities,
 * articles and this week's drops).
 */
import { Text, View } from '@tarojs/components';
import { Button } from '../../components/Button';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import type { FeedResult, PostCard as Post } from '../../../shared/content/views';
import { api } from '../../services/api';
import { EmptyState } from '../../components/StateViews';
import { RemoteGate } from '../../components/RemoteView';
import LocalTools from '../../components/LocalTools';
import { PostCard, POST_CARD_HEIGHT } from '../../components/PostCard';
import { usePaged } from '../../hooks/usePaged';
import { VirtualList } from './VirtualList';
import { elderClass, isElderMode } from '../../utils/elderMode';
import './index.css';

type Kind = 'all' | 'activity' | 'article';
const TABS: Array<{ key: Kind; title: string }> = [
  { key: 'all', title: '全部' },
  { key: 'activity', title: '活动' },
  { key: 'article', title: '资讯' },
];
/** Design px above the first row: hero + search entry + tab bar (+ the suggestion card when shown). */
const LIST_TOP = 432;
const SEARCH_URL = '/packages/content/search/index';

export default function ActivitiesPage() {
  const [kind, setKind] = useState<Kind>('all');
  const [following, setFollowing] = useState<number | null>(null);
  const { state, reload, loadMore } = usePaged<Post, FeedResult>(
    (cursor) => api.content.feed({ ...(kind === 'all' ? {} : { kind }), ...(cursor ? { cursor } : {}) }),
    (page) => setFollowing(page.following),
  );
  useReachBottom(loadMore);
  usePullDownRefresh(() => {
    reload();
    void Taro.stopPullDownRefresh();
  });
  const firstKind = useRef(true);
  useEffect(() => {
    if (firstKind.current) {
      firstKind.current = false;
      return;
    }
    reload(); // the loader already reads the new kind (usePaged keeps the latest loader)
  }, [kind, reload]);
  const pick = (k: Kind) => setKind(k);
  const go = (url: string) => void Taro.navigateTo({ url });

  return (
    <View className={`page activities${elderClass()}`}>
      <View className='hero'>
        <Text className='hero__title'>工会活动</Text>
        <Text className='hero__sub'>关注工会，查看资讯，报名文体、培训、公益活动</Text>
      </View>
      <View className='feed__search' role='search' aria-label='搜索活动、资讯、福利' onClick={() => go(SEARCH_URL)}>
        <Text className='feed__search-text'>搜索活动、资讯、福利</Text>
      </View>
      <View className='feed__bar'>
        <View className='feed__tabs'>
          {TABS.map((t) => (
            <Text key={t.key} className={`feed__tab ${kind === t.key ? 'feed__tab--on' : ''}`} onClick={() => pick(t.key)}>
              {t.title}
            </Text>
          ))}
        </View>
        <View className='feed__links'>
          <Text className='feed__link' onClick={() => go('/packages/content/unions/index')}>
            关注工会
          </Text>
          <Text className='feed__link' onClick={() => go('/packages/content/mine/index')}>
            我的报名
          </Text>
        </View>
      </View>
      {following === 0 ? (
        <View className='card feed__suggest'>
          <Text className='feed__suggest-text'>您还没有关注工会，先看看宁波市总工会的动态。入会后将自动关注所在工会。</Text>
          <Button className='feed__btn' onClick={() => go('/packages/content/unions/index')}>
            去关注
          </Button>
        </View>
      ) : null}
      {state.status !== 'ready' ? (
        <RemoteGate state={state} reload={reload} rows={5} />
      ) : state.items.length === 0 ? (
        <View className='card'>
          <EmptyState
            title='暂无动态'
            hint='关注的工会发布资讯和活动后，会在这里显示'
            action={{ label: '去关注工会', to: { kind: 'page', url: '/packages/content/unions/index' } }}
          />
        </View>
      ) : (
        <>
          {isElderMode() ? (
            // 长辈模式: cards grow with their larger text, which fixed-height virtual rows cannot hold.
            state.items.map((p) => (
              <View key={p.id} className='feed__row'>
                <PostCard post={p} />
              </View>
            ))
          ) : (
            <VirtualList
              items={state.items}
              rowHeight={POST_CARD_HEIGHT}
              offsetTop={LIST_TOP + (following === 0 ? 150 : 0)}
              keyOf={(p) => p.id}
              renderRow={(p) => (
                <View className='feed__row'>
                  <PostCard post={p} />
                </View>
              )}
            />
          )}
          <View className='feed__more'>
            {state.moreError ? (
              <Text className='note' onClick={loadMore}>
                {state.moreError}，点击重试
              </Text>
            ) : (
              <Text className='note'>{state.loadingMore ? '加载中…' : state.hasMore ? '上拉加载更多' : '没有更多了'}</Text>
            )}
          </View>
        </>
      )}
      <LocalTools />
    </View>
  );
}
