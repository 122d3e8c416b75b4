/** 周五福利管理: the drops of the admin's unions, with 发布福利, 核销 and each drop's figures. */
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import { api } from '../../../../services/api';
import { useRemote } from '../../../../hooks/useRemote';
import { EmptyState } from '../../../../components/StateViews';
import { RemoteGate } from '../../../../components/RemoteView';
import LocalTools from '../../../../components/LocalTools';
import { DROP_KIND_LABELS, DROP_MODE_LABELS } from '../../../../../shared/benefit/kinds';
import { formatBusiness, formatBusinessFriendly } from '../../../../../shared/time';
import '../../../benefit/benefit.css';

export default function AdminDropsPage() {
  const { state, reload } = useRemote(api.benefit.adminList);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) reload();
    shown.current = true;
  });
  return (
    <View className='page'>
      <View className='card'>
        <Button className='bf-primary' onClick={() => Taro.navigateTo({ url: '/packages/admin/benefit/create/index' })}>
          发布福利
        </Button>
        <Button className='bf-secondary' onClick={() => Taro.navigateTo({ url: '/packages/admin/benefit/redeem/index' })}>
          兑换码核销
        </Button>
      </View>
      <View className='card'>
        <View className='section-title'>
          <Text>福利场次</Text>
        </View>
        {state.status !== 'ready' ? (
          <RemoteGate state={state} reload={reload} rows={4} bare />
        ) : state.data.drops.length === 0 ? (
          <EmptyState title='还没有发布福利' hint='点“发布福利”创建第一场，默认下周五 10:00 开抢' />
        ) : (
          state.data.drops.map((d) => (
            <View key={d.id} className='bf-claim' data-drop={d.id} onClick={() => Taro.navigateTo({ url: `/packages/admin/benefit/figures/index?dropId=${d.id}` })}>
              <View className='bf-row'>
                <Text className='bf-title'>{d.title}</Text>
                <Text className='bf-badge'>{DROP_MODE_LABELS[d.mode]}</Text>
              </View>
              <Text className='bf-explain'>
                {d.unionName} · {DROP_KIND_LABELS[d.kind]} · 共 {d.stock} 份 · {formatBusinessFriendly(d.opensAt)} 开始
              </Text>
              <Text className='bf-explain'>
                {d.soldOutAt ? `已于 ${formatBusiness(d.soldOutAt, 'MM-DD HH:mm:ss')} 抢完` : d.drawnAt ? `已于 ${formatBusinessFriendly(d.drawnAt)} 抽签` : '查看领取趋势与明细 ›'}
              </Text>
            </View>
          ))
        )}
      </View>
      <LocalTools />
    </View>
  );
}
