/** A batch's roster (approved members by unit) and, for the publishing union, 登记出勤并结束. */
import { Text, View } from '@tarojs/components';
import { Button } from '../../../../components/Button';
import Taro from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { api } from '../../../../services/api';
import { useRemote } from '../../../../hooks/useRemote';
import { EmptyState } from '../../../../components/StateViews';
import { RemoteGate } from '../../../../components/RemoteView';
import { statusBadge } from '../../../recuperation/labels';

export default function Roster({ batchId, onClosed }: { batchId: string; onClosed: () => void }) {
  const { state, reload } = useRemote(useCallback(() => api.recuperation.adminRoster(batchId), [batchId]));
  const [absent, setAbsent] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  if (state.status !== 'ready') return <RemoteGate state={state} reload={reload} rows={3} bare />;
  const { rows, canClose, batch } = state.data;

  const close = async () => {
    const ok = await Taro.showModal({
      title: '登记出勤并结束批次',
      content: `未出勤 ${absent.length} 人，其余记为已参加。结束后不能再批准。`,
    });
    if (!ok.confirm) return;
    setBusy(true);
    const res = await api.recuperation.adminAttendance({ batchId, absentApplicationIds: absent });
    setBusy(false);
    void Taro.showToast({ title: res.ok ? `已结束：参加 ${res.data.attended} 人` : res.error.message, icon: 'none' });
    if (res.ok) onClosed();
    reload();
  };

  return (
    <View>
      {rows.length === 0 ? <EmptyState title='名单为空' hint='批准的职工会出现在这里' /> : null}
      {rows.map((r) => {
        const isAbsent = absent.includes(r.applicationId);
        return (
          <View key={r.applicationId} className='rc-kv'>
            <Text className='rc-kv__k'>{r.nameMasked}</Text>
            <Text className='rc-kv__v'>{r.unit.name}</Text>
            {batch.status === 'open' && canClose && r.status === 'approved' ? (
              <Text
                className={isAbsent ? 'rc-badge rc-badge--bad' : 'rc-badge'}
                onClick={() => setAbsent(isAbsent ? absent.filter((x) => x !== r.applicationId) : [...absent, r.applicationId])}
              >
                {isAbsent ? '未出勤' : '出勤'}
              </Text>
            ) : (
              <Text className={statusBadge(r.status)}>{r.statusLabel}</Text>
            )}
          </View>
        );
      })}
      {canClose && batch.status === 'open' ? (
        <Button className={`rc-btn rc-btn--ghost`} disabled={busy} onClick={() => void close()}>
          登记出勤并结束批次
        </Button>
      ) : null}
    </View>
  );
}
