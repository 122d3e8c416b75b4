/** The activity part of a post: time, place (map, call), places left, and the sign-up / cancel button. */
import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/Button';
import { VenueCard } from '../../../components/VenueCard';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { ActivityInfo } from '../../../../shared/content/views';
import { formatBusiness, formatBusinessFriendly } from '../../../../shared/time';
import { api } from '../../../services/api';
import { askSubscribe } from '../../../services/notify';
import { useRetrySafeCalls } from '../../../hooks/useRetrySafeSend';

export function ActivityBox({
  postId,
  activity,
  onChanged,
}: {
  postId: string;
  activity: ActivityInfo;
  onChanged: (a: ActivityInfo) => void;
}) {
  const [busy, setBusy] = useState(false);
  // One id per intended sign-up: a retry after a network error is the same request.
  const { run } = useRetrySafeCalls();
  const s = activity.signup;
  const mine = activity.mine;

  const signUp = async () => {
    setBusy(true);
    const res = await run((requestId) => api.content.signUp(postId, { requestId }));
    setBusy(false);
    if (!res.ok) {
      void Taro.showToast({ title: res.error.message, icon: 'none' });
      return;
    }
    onChanged(res.data.activity);
    const title = res.data.status === 'signed' ? '报名成功' : `已进入候补（第 ${res.data.position ?? '-'} 位）`;
    await Taro.showToast({ title, icon: res.data.status === 'signed' ? 'success' : 'none' });
    // The natural moment to ask for the result / reminder messages.
    await askSubscribe(['activity_signup', 'activity_reminder']);
  };

  const cancel = async () => {
    const ok = await Taro.showModal({
      title: mine?.status === 'signed' ? '取消报名' : '退出候补',
      content: '取消后名额将让给候补的会员，确定吗？',
    });
    if (!ok.confirm) return;
    setBusy(true);
    const res = await api.content.cancelSignup(postId);
    setBusy(false);
    if (!res.ok) {
      void Taro.showToast({ title: res.error.message, icon: 'none' });
      return;
    }
    onChanged(res.data.activity);
    void Taro.showToast({ title: '已取消', icon: 'none' });
  };

  const taken = s ? s.capacity - s.remaining : 0;
  return (
    <View className='card ct-activity'>
      <View className='section-title'>
        <Text>活动信息</Text>
        {mine ? (
          <Text className={`ct-state ${mine.status === 'signed' ? 'ct-state--ok' : 'ct-state--wait'}`}>
            {mine.checkedIn ? '已签到' : mine.statusLabel}
          </Text>
        ) : s ? (
          <Text className='ct-state'>{s.stateLabel}</Text>
        ) : null}
      </View>
      <View className='ct-activity__row'>
        <Text className='ct-activity__label'>活动时间</Text>
        <Text className='ct-activity__value'>
          {formatBusinessFriendly(activity.startAt)}
          {activity.endAt ? ` — ${formatBusiness(activity.endAt, 'HH:mm')}` : ''}
        </Text>
      </View>
      <VenueCard
        venue={{ name: activity.place, address: activity.place, hours: null, location: activity.location, phone: activity.phone }}
        label='活动地点'
      />
      {s ? (
        <>
          <View className='ct-activity__row'>
            <Text className='ct-activity__label'>报名名额</Text>
            <Text className='ct-activity__value'>
              已报 {taken} / {s.capacity} 人{s.waitlisted ? ` · 候补 ${s.waitlisted} 人` : ''}
            </Text>
          </View>
          <View className='ct-progress'>
            <View className='ct-progress__bar' style={{ width: `${Math.min(100, Math.round((taken / s.capacity) * 100))}%` }} />
          </View>
          <View className='ct-activity__row'>
            <Text className='ct-activity__label'>报名截止</Text>
            <Text className='ct-activity__value'>{formatBusinessFriendly(s.deadline)}</Text>
          </View>
          {mine ? (
            <Button className='ct-btn ct-btn--ghost' disabled={busy} onClick={() => void cancel()}>
              {mine.status === 'signed' ? '取消报名' : '退出候补'}
            </Button>
          ) : s.state === 'closed' ? (
            <Button className='ct-btn ct-btn--off' disabled>
              报名已截止
            </Button>
          ) : (
            <Button className='ct-btn' disabled={busy} onClick={() => void signUp()}>
              {busy ? '提交中…' : s.state === 'full' ? '名额已满，加入候补' : '立即报名'}
            </Button>
          )}
        </>
      ) : (
        <Text className='note'>本活动无需线上报名，欢迎直接到场参加。</Text>
      )}
    </View>
  );
}
