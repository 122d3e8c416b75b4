/**
 * 首页轮播图 (工会工作台): the banners of the admin's subtree in carousel order, with 上移 / 下移 /
 * 删除, and a form to put one up for the admin's own union (BannerForm). The server checks who
 * may do what (system.adminBanners / adminCreateBanner / adminMoveBanner / adminRemoveBanner).
 */
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../../../services/api';
import { useRemote } from '../../../../hooks/useRemote';
import { RemoteGate } from '../../../../components/RemoteView';
import { EmptyState } from '../../../../components/StateViews';
import LocalTools from '../../../../components/LocalTools';
import { elderClass } from '../../../../utils/elderMode';
import { formatBusiness } from '../../../../../shared/time';
import { BANNER_STATE_LABELS, type AdminBannerView } from '../../../../../shared/system/banners';
import BannerForm from './BannerForm';
import '../home.css';

export default function AdminBannersPage() {
  const { state, reload } = useRemote(() => api.system.adminBanners());
  const [busy, setBusy] = useState<string | null>(null);

  const run = async (id: string, call: () => Promise<{ ok: boolean; error?: { message: string } }>) => {
    setBusy(id);
    const res = await call();
    setBusy(null);
    if (!res.ok) void Taro.showModal({ title: '未能完成', content: res.error?.message ?? '请稍后重试', showCancel: false });
    reload();
  };
  const remove = async (b: AdminBannerView) => {
    const ok = await Taro.showModal({
      title: '删除轮播图',
      content: `删除后首页不再展示「${b.title}」，确定删除吗？`,
      confirmText: '删除',
    });
    if (ok.confirm) await run(b.id, () => api.system.adminRemoveBanner(b.id));
  };

  // The form stays mounted while the list reloads (after a create), so what it says is not lost.
  const items = state.status === 'ready' ? state.data.items : [];
  return (
    <View className={`page${elderClass()}`}>
      <View className='card'>
        <View className='section-title'>
          <Text>轮播图</Text>
        </View>
        {state.status !== 'ready' ? (
          <RemoteGate state={state} reload={reload} rows={4} bare />
        ) : items.length === 0 ? (
          <EmptyState title='还没有轮播图' hint='在下方上传图片、填写标题并选择链接，会员的首页就会显示' />
        ) : (
          items.map((b, i) => {
            const sameUnionAbove = i > 0 && items[i - 1].unionId === b.unionId && items[i - 1].state !== 'ended';
            const sameUnionBelow = i + 1 < items.length && items[i + 1].unionId === b.unionId && items[i + 1].state !== 'ended';
            return (
              <View key={b.id} className='hm-banner' id={`banner-row-${b.id}`}>
                <Image className='hm-banner__img' src={api.files.imageSrc(b.image) ?? ''} mode='aspectFill' nativeProps={{ alt: '' }} />
                <View className='hm-banner__main'>
                  <Text className='hm-banner__title'>{b.title}</Text>
                  <Text className='hm-banner__meta'>
                    {b.unionName} · {BANNER_STATE_LABELS[b.state]}
                  </Text>
                  <Text className='hm-banner__meta'>
                    {formatBusiness(b.startAt, 'MM-DD HH:mm')} 至 {formatBusiness(b.endAt, 'MM-DD HH:mm')} · {b.linkLabel}
                  </Text>
                  <View className='hm-banner__ops'>
                    {b.state !== 'ended' && sameUnionAbove ? (
                      <Text
                        className='hm-banner__op hm-up'
                        onClick={() => busy || void run(b.id, () => api.system.adminMoveBanner(b.id, 'up'))}
                      >
                        上移
                      </Text>
                    ) : null}
                    {b.state !== 'ended' && sameUnionBelow ? (
                      <Text
                        className='hm-banner__op hm-down'
                        onClick={() => busy || void run(b.id, () => api.system.adminMoveBanner(b.id, 'down'))}
                      >
                        下移
                      </Text>
                    ) : null}
                    <Text className='hm-banner__op hm-remove' onClick={() => busy || void remove(b)}>
                      {busy === b.id ? '处理中…' : '删除'}
                    </Text>
                  </View>
                </View>
              </View>
            );
          })
        )}
      </View>
      <BannerForm onCreated={reload} />
      <Text className='note'>
        会员首页显示本工会及上级工会正在展示的轮播图（本工会的在前，最多 6 张）。每个工会同时最多 5 张未结束的轮播图，结束时间到了自动下线。
      </Text>
      <LocalTools />
    </View>
  );
}
