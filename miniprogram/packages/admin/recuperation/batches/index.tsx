/** 疗休养批次: the batches in the admin's scope with their rosters, and the form to publish one. */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { api } from '../../../../services/api';
import { useRemote } from '../../../../hooks/useRemote';
import { EmptyState } from '../../../../components/StateViews';
import { RemoteGate } from '../../../../components/RemoteView';
import LocalTools from '../../../../components/LocalTools';
import { formatYuan } from '../../../../../shared/recuperation/money';
import AdminLinks from '../AdminLinks';
import BatchForm from './BatchForm';
import Roster from './Roster';
import { elderClass } from '../../../../utils/elderMode';
import '../../../recuperation/recuperation.css';

export default function BatchesPage() {
  const { state, reload } = useRemote(api.recuperation.adminBatches);
  const [open, setOpen] = useState('');
  return (
    <View className={`page${elderClass()}`}>
      <AdminLinks current='batches' />
      {state.status !== 'ready' ? (
        <RemoteGate state={state} reload={reload} rows={5} />
      ) : (
        <View>
          {state.data.batches.length === 0 ? <EmptyState title='还没有批次' hint='在下方发布第一个批次' /> : null}
          {state.data.batches.map((b) => (
            <View key={b.id} className='card'>
              <View className='rc-batch__head' onClick={() => setOpen(open === b.id ? '' : b.id)}>
                <Text className='rc-batch__title'>{b.title}</Text>
                <Text className={b.status === 'open' ? 'rc-badge' : 'rc-badge rc-badge--off'}>
                  {b.status === 'open' ? '进行中' : '已结束'}
                </Text>
              </View>
              <Text className='rc-line'>
                {b.period} · 人均 {formatYuan(b.costFen)} · 已批准 {b.capacity - b.seatsLeft}/{b.capacity} 人
              </Text>
              <Text className='rc-line' onClick={() => setOpen(open === b.id ? '' : b.id)}>
                {open === b.id ? '收起名单 ▲' : '查看名单 ▼'}
              </Text>
              {open === b.id ? <Roster batchId={b.id} onClosed={reload} /> : null}
            </View>
          ))}
          <BatchForm data={state.data} onCreated={reload} />
        </View>
      )}
      <LocalTools />
    </View>
  );
}
