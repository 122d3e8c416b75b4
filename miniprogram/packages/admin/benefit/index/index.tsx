/** 周五福利管理: the drops of the admin's unions, with 发布福利, 核销, each drop's figures and 撤回 (DropRow). */
import { Text, View } from '@tarojs/components';
import { Button } from '../../../../components/Button';
import Taro, { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import { api } from '../../../../services/api';
import { useRemote } from '../../../../hooks/useRemote';
import { EmptyState } from '../../../../components/StateViews';
import { RemoteGate } from '../../../../components/RemoteView';
import LocalTools from '../../../../components/LocalTools';
import type { AdminListResult } from '../../../../../shared/benefit/schemas';
import type { Result } from '../../../../../shared/envelope';
import DropRow from './DropRow';
import { elderClass } from '../../../../utils/elderMode';
import '../../../benefit/benefit.css';

async function load(): Promise<Result<AdminListResult & { serverOffset: number }>> {
  const res = await api.benefit.adminList();
  return res.ok ? { ok: true, data: { ...res.data, serverOffset: res.data.serverTime - Date.now() } } : res;
}

export default function AdminDropsPage() {
  const { state, reload } = useRemote(load);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) reload();
    shown.current = true;
  });
  return (
    <View className={`page${elderClass()}`}>
      <View className='card'>
        <Button className='bf-primary' onClick={() => void Taro.navigateTo({ url: '/packages/admin/benefit/create/index' })}>
          发布福利
        </Button>
        <Button className='bf-secondary' onClick={() => void Taro.navigateTo({ url: '/packages/admin/benefit/redeem/index' })}>
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
          state.data.drops.map((d) => <DropRow key={d.id} drop={d} serverNow={Date.now() + state.data.serverOffset} />)
        )}
      </View>
      <LocalTools />
    </View>
  );
}
