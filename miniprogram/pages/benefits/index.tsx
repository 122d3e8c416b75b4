import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useMemo } from 'react';
import { api } from '../../services/api';
import { useRemote } from '../../hooks/useRemote';
import { EmptyState, ErrorState, Skeleton } from '../../components/StateViews';
import Countdown from '../../components/Countdown';
import LocalTools from '../../components/LocalTools';
import { formatBusinessFriendly, nextWeekdayAt } from '../../../shared/time';
import type { Result } from '../../../shared/envelope';
import './index.css';

/** Drops open every Friday at 10:00 Beijing time (see shared/design/DOMAIN.md). */
const DROP_WEEKDAY = 5;
const DROP_HOUR = 10;

interface ClockSync {
  serverTime: number;
  /** serverTime − clientTime at the moment the answer arrived. */
  serverOffset: number;
}

async function syncClock(): Promise<Result<ClockSync>> {
  const res = await api.system.serverTime();
  if (!res.ok) return res;
  return { ok: true, data: { serverTime: res.data.serverTime, serverOffset: res.data.serverTime - Date.now() } };
}

export default function BenefitsPage() {
  const { state, reload } = useRemote(syncClock);

  const target = useMemo(
    () => (state.status === 'ready' ? nextWeekdayAt(state.data.serverTime, DROP_WEEKDAY, DROP_HOUR).getTime() : 0),
    [state],
  );

  const onFinish = () => {
    void Taro.showToast({ title: '开抢时间到', icon: 'none' });
    // The next opening is a week away: re-sync and count down to it.
    reload();
  };

  return (
    <View className='page benefits'>
      <View className='hero'>
        <Text className='hero__title'>周五福利</Text>
        <Text className='hero__sub'>每周五 10:00（北京时间）准时开抢，流量、话费、电影票、乐园门票等你来领</Text>
      </View>

      <View className='card'>
        <View className='section-title'>
          <Text>下一场开抢</Text>
        </View>
        {state.status === 'loading' ? (
          <Skeleton rows={2} />
        ) : state.status === 'error' ? (
          <ErrorState message={state.error.message} onRetry={reload} />
        ) : (
          <View className='benefits__next'>
            <Text className='benefits__when'>{formatBusinessFriendly(target)}</Text>
            {process.env.TARO_ENV === 'weapp' ? (
              <countdown target={target} server-offset={state.data.serverOffset} prefix='距开抢' onFinish={onFinish} />
            ) : (
              <Countdown target={target} serverOffset={state.data.serverOffset} prefix='距开抢' onFinish={onFinish} />
            )}
            <Text className='note benefits__note'>倒计时以服务器时间为准，不受手机时间影响。</Text>
          </View>
        )}
      </View>

      <View className='card'>
        <View className='section-title'>
          <Text>本周福利</Text>
        </View>
        <EmptyState title='本周暂无福利活动' hint='工会发布福利后会显示在这里，会员可在开抢时领取' />
      </View>

      <LocalTools />
    </View>
  );
}
