/**
 * 联系工会: the member's own union office (or the nearest union above with one, said so), with
 * one-tap call (makePhoneCall), copy address (setClipboardData) and, when the union set a map
 * point, the map (openLocation). Guests see the top union's office.
 */
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import { api } from '../../../services/api';
import { useRemote } from '../../../hooks/useRemote';
import { RemoteGate } from '../../../components/RemoteView';
import { EmptyState } from '../../../components/StateViews';
import { Button } from '../../../components/Button';
import LocalTools from '../../../components/LocalTools';
import { elderClass } from '../../../utils/elderMode';
import type { UnionContactView } from '../../../../shared/system/contacts';
import '../help.css';

function call(phone: string) {
  // Cancelling the system sheet rejects: nothing to say then.
  Taro.makePhoneCall({ phoneNumber: phone.replace(/-/g, '') }).catch(() => undefined);
}

function copy(text: string) {
  Taro.setClipboardData({ data: text })
    .then(() => Taro.showToast({ title: '地址已复制', icon: 'none' }))
    .catch(() => Taro.showToast({ title: '复制失败，请长按地址手动复制', icon: 'none' }));
}

function openMap(c: UnionContactView) {
  if (!c.location) return;
  Taro.openLocation({
    latitude: c.location.latitude,
    longitude: c.location.longitude,
    name: c.unionName,
    address: c.address,
    scale: 16,
  }).catch(() => Taro.showToast({ title: '无法打开地图，请复制地址后在地图中搜索', icon: 'none' }));
}

export default function ContactPage() {
  const { state, reload } = useRemote(api.system.contact);
  const refreshing = useRef(false);
  usePullDownRefresh(() => {
    refreshing.current = true;
    reload();
  });
  useEffect(() => {
    if (refreshing.current && state.status !== 'loading') {
      refreshing.current = false;
      Taro.stopPullDownRefresh();
    }
  }, [state.status]);

  if (state.status !== 'ready') {
    return (
      <RemoteGate state={state} reload={reload} rows={5} page='page help'>
        <LocalTools />
      </RemoteGate>
    );
  }
  const { contact, inherited } = state.data;
  return (
    <View className={`page help${elderClass()}`}>
      {contact ? (
        <View className='card contact-card'>
          <Text className='contact-union'>{contact.unionName}</Text>
          {inherited ? <Text className='contact-note'>您所在的工会还没有填写联系方式，以下是上级工会的联系方式。</Text> : null}
          <View className='contact-row'>
            <Text className='contact-row__label'>联系电话</Text>
            <Text className='contact-row__value contact-phone' userSelect>
              {contact.contactPhone}
            </Text>
          </View>
          <View className='contact-row'>
            <Text className='contact-row__label'>办公地址</Text>
            <Text className='contact-row__value contact-address' userSelect>
              {contact.address}
            </Text>
          </View>
          <View className='contact-row'>
            <Text className='contact-row__label'>办公时间</Text>
            <Text className='contact-row__value'>{contact.hours}</Text>
          </View>
          <View className='contact-actions'>
            <Button className='help-btn contact-call' onClick={() => call(contact.contactPhone)}>
              拨打电话
            </Button>
            <Button className='help-btn help-btn--ghost contact-copy' onClick={() => copy(contact.address)}>
              复制地址
            </Button>
            {contact.location ? (
              <Button className='help-btn help-btn--ghost contact-map' onClick={() => openMap(contact)}>
                查看地图
              </Button>
            ) : null}
          </View>
        </View>
      ) : (
        <View className='card'>
          <EmptyState
            title='所在工会还没有填写联系方式'
            hint='可以先看看常见问题，或到单位工会办公室咨询'
            action={{ label: '看看常见问题', onClick: () => void Taro.navigateTo({ url: '/packages/help/faq/index' }) }}
          />
        </View>
      )}
      <View className='card help-more'>
        <Text className='help-more__text'>入会、福利、暑托班等常见问题</Text>
        <Text className='help-item__link' onClick={() => void Taro.navigateTo({ url: '/packages/help/faq/index' })}>
          常见问题 ›
        </Text>
      </View>
      <LocalTools />
    </View>
  );
}
