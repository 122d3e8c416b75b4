/**
 * 托管点工作台: the slots of the sites where the caller is staff (named by the host union, or an
 * admin of the host union's chain), each with its roster, attendance and CSV export.
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { api } from '../../../services/api';
import { useRemote } from '../../../hooks/useRemote';
import { EmptyState } from '../../../components/StateViews';
import { RemoteGate } from '../../../components/RemoteView';
import Roster from './Roster';
import { elderClass } from '../../../utils/elderMode';
import '../daycare.css';

export default function StaffPage() {
  const { state, reload } = useRemote(api.daycare.staffSites);
  const [open, setOpen] = useState<string | null>(null);
  if (state.status !== 'ready') return <RemoteGate state={state} reload={reload} rows={4} page='page' />;
  if (state.data.slots.length === 0) {
    return (
      <View className={`page${elderClass()}`}>
        <EmptyState
          title='您不是任何托管点的工作人员'
          hint='工作人员由托管点所属工会的管理员指定。'
          action={{ label: '联系工会', to: { kind: 'page', url: '/packages/help/contact/index' } }}
        />
      </View>
    );
  }
  return (
    <View className={`page daycare-staff${elderClass()}`}>
      {state.data.slots.map((s) => (
        <View key={s.id} className='card staff-slot'>
          <View className='dc-campaign__head' onClick={() => setOpen(open === s.id ? null : s.id)}>
            <Text className='dc-campaign__title'>
              {s.siteName} · {s.periodName} {s.bandLabel}
            </Text>
            <Text className='dc-badge'>{open === s.id ? '收起' : '花名册'}</Text>
          </View>
          <Text className='dc-meta'>
            {s.campaignTitle} · 名额 {s.capacity} · 报名 {s.demand}
          </Text>
          {open === s.id ? <Roster slotId={s.id} /> : null}
        </View>
      ))}
    </View>
  );
}
