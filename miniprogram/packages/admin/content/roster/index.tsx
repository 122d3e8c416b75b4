/** Sign-up roster for staff at the event: masked names, status, 签到 (check-in) per member. */
import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { AdminRosterResult, RosterItem } from '../../../../../shared/content/views';
import { formatBusiness } from '../../../../../shared/time';
import { api } from '../../../../services/api';
import { EmptyState } from '../../../../components/StateViews';
import { RemoteGate } from '../../../../components/RemoteView';
import { usePaged } from '../../../../hooks/usePaged';
import { elderClass } from '../../../../utils/elderMode';
import '../admin.css';

export default function RosterPage() {
  const { params } = useRouter();
  const postId = params.id ?? '';
  const [head, setHead] = useState<Pick<AdminRosterResult, 'post' | 'counts'> | null>(null);
  const [checked, setChecked] = useState<Record<string, string>>({});
  const { state, reload, loadMore } = usePaged<RosterItem, AdminRosterResult>(
    (cursor) => api.content.adminRoster({ postId, ...(cursor ? { cursor } : {}) }),
    (page) => setHead({ post: page.post, counts: page.counts }),
  );
  useReachBottom(loadMore);

  const checkIn = async (item: RosterItem) => {
    const res = await api.content.adminCheckIn(item.id);
    if (!res.ok) return void Taro.showToast({ title: res.error.message, icon: 'none' });
    setChecked((c) => ({ ...c, [item.id]: res.data.item.checkedInAt ?? '' }));
    void Taro.showToast({ title: res.data.already ? '此前已签到' : '签到成功', icon: 'none' });
  };

  return (
    <View className={`page${elderClass()}`}>
      {head ? (
        <View className='card'>
          <Text className='ca-item__title'>{head.post.title}</Text>
          <Text className='ca-line'>
            名额 {head.post.capacity} · 已报名 {head.counts.signed} · 候补 {head.counts.waitlisted} · 已签到{' '}
            {head.counts.checkedIn + Object.keys(checked).length}
          </Text>
        </View>
      ) : null}
      {state.status !== 'ready' ? (
        <RemoteGate state={state} reload={reload} rows={6} />
      ) : state.items.length === 0 ? (
        <View className='card'>
          <EmptyState title='还没有会员报名' hint='会员在活动页点「立即报名」后会出现在这里' />
        </View>
      ) : (
        <View className='card'>
          {state.items.map((s, i) => {
            const at = checked[s.id] ?? s.checkedInAt;
            return (
              <View key={s.id} className='ca-roster'>
                <Text>
                  {i + 1}. {s.nameMasked} · {s.statusLabel}
                </Text>
                {s.status !== 'signed' ? (
                  <Text className='ca-line'>{formatBusiness(s.createdAt, 'MM-DD HH:mm')}</Text>
                ) : at ? (
                  <Text className='ca-line'>已签到 {formatBusiness(at, 'HH:mm')}</Text>
                ) : (
                  <Text className='ca-action' onClick={() => void checkIn(s)}>
                    签到
                  </Text>
                )}
              </View>
            );
          })}
        </View>
      )}
      <Text className='note'>姓名已脱敏显示。候补会员在有人取消报名时按报名先后自动递补。</Text>
    </View>
  );
}
