import { Image, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import { api } from '../../services/api';
import { useRemote } from '../../hooks/useRemote';
import { openTarget } from '../../utils/navigate';
import { EmptyState } from '../../components/StateViews';
import { RemoteGate } from '../../components/RemoteView';
import LocalTools from '../../components/LocalTools';
import { formatBusiness } from '../../../shared/time';
import type { HomeSummary } from '../../../shared/system/schemas';
import { SERVICE_GRID } from './serviceGrid';
import BannerCarousel from './BannerCarousel';
import { elderClass } from '../../utils/elderMode';
import './index.css';

export default function HomePage() {
  const { state, reload } = useRemote(api.system.homeSummary);
  const banners = useRemote(api.system.banners);

  // Stop the pull-down spinner once the reload it started has settled.
  const refreshing = useRef(false);
  usePullDownRefresh(() => {
    refreshing.current = true;
    reload();
    banners.reload();
  });
  useEffect(() => {
    if (refreshing.current && state.status !== 'loading') {
      refreshing.current = false;
      Taro.stopPullDownRefresh();
    }
  }, [state.status]);

  return (
    <View className={`page home${elderClass()}`}>
      <BannerCarousel state={banners.state} reload={banners.reload} />

      <View className='card home__grid'>
        {SERVICE_GRID.map((entry) => (
          <View key={entry.key} className='home__grid-item' onClick={() => openTarget(entry.target)}>
            <View className='home__grid-badge' style={{ background: entry.tint }}>
              <Image className='home__grid-icon' src={entry.icon} mode='aspectFit' nativeProps={{ alt: '' }} />
            </View>
            <Text className='home__grid-title'>{entry.title}</Text>
          </View>
        ))}
      </View>

      {state.status !== 'ready' ? (
        <View className='card'>
          <RemoteGate state={state} reload={reload} rows={4} bare />
        </View>
      ) : (
        <SummaryStrip summary={state.data} />
      )}

      <LocalTools />
    </View>
  );
}

function SummaryStrip({ summary }: { summary: HomeSummary }) {
  const { viewer, notices, stats } = summary;
  return (
    <>
      <View className='card home__viewer'>
        <View className='home__viewer-main'>
          <Text className='home__viewer-hello'>您好，{viewer.displayName}</Text>
          <Text className='home__viewer-meta'>
            {viewer.roleLabel}
            {viewer.unionName ? ` · ${viewer.unionName}` : ''}
          </Text>
        </View>
        <View className='home__stats'>
          <View className='home__stat'>
            <Text className='home__stat-num'>{stats.unions}</Text>
            <Text className='home__stat-label'>入驻工会</Text>
          </View>
          <View className='home__stat'>
            <Text className='home__stat-num'>{stats.members}</Text>
            <Text className='home__stat-label'>认证会员</Text>
          </View>
        </View>
      </View>

      <View className='card'>
        <View className='section-title'>
          <Text>工会通知</Text>
        </View>
        {notices.length === 0 ? (
          <EmptyState title='暂无通知' hint='工会发布的通知会显示在这里' />
        ) : (
          notices.map((notice) => (
            <View
              key={notice.id}
              className='home__notice'
              onClick={() => void Taro.navigateTo({ url: `/packages/content/notice/index?id=${encodeURIComponent(notice.id)}` })}
            >
              <Text className='home__notice-title'>{notice.title}</Text>
              <Text className='home__notice-meta'>
                {notice.unionName} · {formatBusiness(notice.publishedAt, 'MM-DD HH:mm')}
              </Text>
            </View>
          ))
        )}
      </View>
    </>
  );
}
