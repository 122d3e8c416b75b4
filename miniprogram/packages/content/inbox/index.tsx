/** 消息: every in-app notice (入会、福利、暑托班、疗休养、活动…), newest first; tap to read and open. */
import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import type { InboxResult, NoticeView } from '../../../../shared/notify/schemas';
import { formatBusiness } from '../../../../shared/time';
import { api } from '../../../services/api';
import { EmptyState } from '../../../components/StateViews';
import { RemoteGate } from '../../../components/RemoteView';
import { usePaged } from '../../../hooks/usePaged';
import { elderClass } from '../../../utils/elderMode';
import '../content.css';

export default function InboxPage() {
  const [unread, setUnread] = useState(0);
  const [read, setRead] = useState<Set<string>>(new Set());
  const { state, reload, loadMore } = usePaged<NoticeView, InboxResult>(
    (cursor) => api.notify.inbox(cursor ? { cursor } : {}),
    (page) => {
      setUnread(page.unread);
      setRead(new Set());
    },
  );
  useReachBottom(loadMore);

  const open = async (n: NoticeView) => {
    if (!n.read && !read.has(n.id)) {
      const res = await api.notify.markRead({ ids: [n.id] });
      if (res.ok) {
        setUnread(res.data.unread);
        setRead((s) => new Set(s).add(n.id));
      }
    }
    if (n.link) void Taro.navigateTo({ url: n.link });
  };
  const readAll = async () => {
    const res = await api.notify.markRead({ all: true });
    if (res.ok) reload();
  };

  return (
    <View className={`page${elderClass()}`}>
      <View className='ct-toolbar'>
        <Text className='note'>{unread ? `${unread} 条未读` : '没有未读消息'}</Text>
        {unread ? (
          <Text className='ct-link' onClick={() => void readAll()}>
            全部已读
          </Text>
        ) : null}
      </View>
      {state.status !== 'ready' ? (
        <RemoteGate state={state} reload={reload} rows={5} />
      ) : state.items.length === 0 ? (
        <View className='card'>
          <EmptyState
            title='暂无消息'
            hint='报名、审核、领取等结果会在这里通知您'
            action={{ label: '看看本周福利', to: { kind: 'tab', url: '/pages/benefits/index' } }}
          />
        </View>
      ) : (
        <View className='card'>
          {state.items.map((n) => (
            <View key={n.id} className='ct-notice' onClick={() => void open(n)}>
              <View className='ct-notice__head'>
                {!n.read && !read.has(n.id) ? <View className='ct-notice__dot' /> : null}
                <Text className='ct-notice__title'>{n.title}</Text>
                <Text className='ct-notice__cat'>{n.categoryLabel}</Text>
              </View>
              <Text className='ct-notice__body'>{n.body}</Text>
              <Text className='ct-notice__time'>{formatBusiness(n.createdAt)}</Text>
            </View>
          ))}
          <Text className='note' style={{ textAlign: 'center', paddingTop: '16px' }}>
            {state.loadingMore ? '加载中…' : state.hasMore ? '上拉加载更多' : '没有更多了'}
          </Text>
        </View>
      )}
    </View>
  );
}
