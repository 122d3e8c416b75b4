/**
 * 首页轮播图: the banners unions put up for this member (system.banners: own union first, then
 * the unions above), as a Swiper. While loading, with none, or when they cannot be loaded, the
 * static welcome banner stands in (on error with a 重试 link, so the page never shows a hole).
 * 长辈模式 does not auto-advance: moving content is hard to read and tap.
 */
import { Image, Swiper, SwiperItem, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { api } from '../../services/api';
import type { RemoteState } from '../../hooks/useRemote';
import type { BannersResult } from '../../../shared/system/banners';
import { openBannerLink } from '../../utils/bannerLink';
import { isElderMode } from '../../utils/elderMode';
import './BannerCarousel.css';

function StaticHero({ children }: { children?: ReactNode }) {
  return (
    <View className='hero home-banner--static'>
      <Text className='hero__title'>甬工惠 · 职工身边的工会</Text>
      <Text className='hero__sub'>入会、福利、活动、暑托、疗休养，一站办理</Text>
      {children}
    </View>
  );
}

export default function BannerCarousel({ state, reload }: { state: RemoteState<BannersResult>; reload: () => void }) {
  if (state.status === 'loading') {
    return (
      <View aria-busy='true'>
        <StaticHero />
      </View>
    );
  }
  if (state.status === 'error') {
    return (
      <StaticHero>
        <Text className='home-banner__retry' onClick={reload}>
          工会活动图片未能加载，点此重试
        </Text>
      </StaticHero>
    );
  }
  const items = state.data.items;
  if (items.length === 0) return <StaticHero />;
  const elder = isElderMode();
  return (
    <Swiper
      className='home-banner'
      indicatorDots={items.length > 1}
      indicatorColor='rgba(255, 255, 255, 0.5)'
      indicatorActiveColor='#ffffff'
      autoplay={!elder && items.length > 1}
      circular={items.length > 1}
      interval={5000}
    >
      {items.map((b) => (
        <SwiperItem key={b.id}>
          <View className='home-banner__slide' id={`banner-${b.id}`} onClick={() => openBannerLink(b.link)}>
            <Image className='home-banner__img' src={api.files.imageSrc(b.image) ?? ''} mode='aspectFill' nativeProps={{ alt: '' }} />
            <View className='home-banner__caption'>
              <Text className='home-banner__title'>{b.title}</Text>
              <Text className='home-banner__union'>{b.unionName}</Text>
            </View>
          </View>
        </SwiperItem>
      ))}
    </Swiper>
  );
}
