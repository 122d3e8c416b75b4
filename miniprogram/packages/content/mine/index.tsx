/** 我的报名: my sign-ups and waitlist places, newest first. */
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useReachBottom } from '@tarojs/taro';
import { useRef } from 'react';
import type { MySignupItem, MySignupsResult } from '../../../../shared/content/views';
import { api } from '../../../services/api';
import { EmptyState } from '../../../components/StateViews';
import { RemoteGate } from '../../../components/RemoteView';
import { PostCard } from '../../../components/PostCard';
import { usePaged } from '../../../hooks/usePaged';
import { elderClass } from '../../../utils/elderMode';
import '../content.css';

export default function MySignupsPage() {
  const { state, reload, loadMore } = usePaged<MySignupItem, MySignupsResult>((cursor) => api.content.mySignups(cursor ? { cursor } : {}));
  useReachBottom(loadMore);
  // Back from a post where I cancelled or signed up: show the fresh state.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) reload();
    shown.current = true;
  });

  return (
    <View className={`page${elderClass()}`}>
      {state.status !== 'ready' ? (
        <RemoteGate state={state} reload={reload} rows={5} />
      ) : state.items.length === 0 ? (
        <View className='card'>
          <EmptyState
            title='还没有报名活动'
            hint='在“活动”里找到感兴趣的活动，点击报名'
            action={{ label: '去看看活动', to: { kind: 'tab', url: '/pages/activities/index' } }}
          />
          <Text
            className='ct-link'
            style={{ display: 'block', textAlign: 'center' }}
            onClick={() => void Taro.switchTab({ url: '/pages/activities/index' })}
          >
            去看看活动 ›
          </Text>
        </View>
      ) : (
        state.items.map((s) => (
          <View key={s.id} className='ct-row my-signup'>
            <PostCard post={s.post} />
          </View>
        ))
      )}
      <Text className='note'>活动当天请到现场找工作人员签到。候补的会员在有人取消时按顺序递补，并会收到消息通知。</Text>
    </View>
  );
}
