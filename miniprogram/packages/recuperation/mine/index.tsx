/** 我的疗休养: each application with its status, batch, priority explained, rank and the reason in words. */
import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/Button';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../../services/api';
import { useRemote } from '../../../hooks/useRemote';
import { EmptyState } from '../../../components/StateViews';
import { RemoteGate } from '../../../components/RemoteView';
import { formatYuan } from '../../../../shared/recuperation/money';
import type { MyApplicationView } from '../../../../shared/recuperation/schemas';
import { statusBadge } from '../labels';
import { elderClass } from '../../../utils/elderMode';
import '../recuperation.css';

function ApplicationCard({ a, onChanged }: { a: MyApplicationView; onChanged: () => void }) {
  const [busy, setBusy] = useState(false);
  const withdraw = async () => {
    const confirm = await Taro.showModal({ title: '撤回申请', content: '撤回后本年度可以重新申请。确定撤回吗？' });
    if (!confirm.confirm) return;
    setBusy(true);
    const res = await api.recuperation.withdraw(a.id);
    setBusy(false);
    void Taro.showToast({ title: res.ok ? '已撤回' : res.error.message, icon: 'none' });
    onChanged();
  };
  return (
    <View className='card rc-application'>
      <View className='rc-batch__head'>
        <Text className='rc-batch__title'>{a.batch.title}</Text>
        <Text className={statusBadge(a.status)}>{a.statusLabel}</Text>
      </View>
      <Text className='rc-line'>
        {a.batch.venue.name} · {a.batch.period}
      </Text>
      <Text className='rc-line'>
        人均 {formatYuan(a.batch.costFen)} · {a.unit.name}
        {a.source === 'nominated' ? ' · 工会推荐' : ''}
      </Text>
      <Text className='rc-reason'>{a.reason}</Text>
      {a.status === 'pending' ? (
        <Button className={`rc-btn rc-btn--ghost`} disabled={busy} onClick={() => void withdraw()}>
          撤回申请
        </Button>
      ) : null}
    </View>
  );
}

export default function MyRecuperation() {
  const { state, reload } = useRemote(api.recuperation.myApplications);
  return (
    <View className={`page${elderClass()}`}>
      {state.status !== 'ready' ? (
        <RemoteGate state={state} reload={reload} rows={5} />
      ) : state.data.items.length === 0 ? (
        <View className='card'>
          <EmptyState
            title='您还没有疗休养申请'
            hint='在“职工疗休养”里选择批次申请'
            action={{ label: '去看看疗休养批次', to: { kind: 'page', url: '/packages/recuperation/index/index' } }}
          />
          <Button className='rc-btn' onClick={() => void Taro.redirectTo({ url: '/packages/recuperation/index/index' })}>
            查看疗休养批次
          </Button>
        </View>
      ) : (
        state.data.items.map((a) => <ApplicationCard key={a.id} a={a} onChanged={reload} />)
      )}
      <Text className='note'>审批结果会通过“消息”通知您。姓名已脱敏显示。</Text>
    </View>
  );
}
