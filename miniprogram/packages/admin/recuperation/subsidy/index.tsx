/** 本地行奖励: claims in scope (approve / reject when the caller is a union above the unit) and the claim form. */
import { Input, Text, View } from '@tarojs/components';
import { Button } from '../../../../components/Button';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../../../services/api';
import { useRemote } from '../../../../hooks/useRemote';
import { EmptyState } from '../../../../components/StateViews';
import { RemoteGate } from '../../../../components/RemoteView';
import LocalTools from '../../../../components/LocalTools';
import { formatYuan } from '../../../../../shared/recuperation/money';
import type { SubsidyClaimView } from '../../../../../shared/recuperation/schemas';
import AdminLinks from '../AdminLinks';
import ClaimForm from './ClaimForm';
import { elderClass } from '../../../../utils/elderMode';
import '../../../recuperation/recuperation.css';

function Claim({ c, onDecided }: { c: SubsidyClaimView; onDecided: () => void }) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const decide = async (decision: 'approve' | 'reject') => {
    setBusy(true);
    const res = await api.recuperation.subsidyDecide({
      claimId: c.id,
      decision,
      ...(decision === 'reject' ? { reason: reason.trim() } : {}),
    });
    setBusy(false);
    void Taro.showToast({ title: res.ok ? '已处理' : res.error.message, icon: 'none' });
    if (res.ok) onDecided();
  };
  return (
    <View className='card'>
      <View className='rc-batch__head'>
        <Text className='rc-batch__title'>{c.unit.name}</Text>
        <Text
          className={c.status === 'approved' ? 'rc-badge' : c.status === 'pending' ? 'rc-badge rc-badge--warn' : 'rc-badge rc-badge--bad'}
        >
          {c.statusLabel}
        </Text>
      </View>
      <Text className='rc-line'>
        {c.place} · {c.startDate} 起 {c.days} 天 · {c.persons} 人
      </Text>
      <Text className='rc-line'>
        人均每天 {formatYuan(c.spendPerPersonPerDayFen)}（计入 {formatYuan(c.countedPerPersonPerDayFen)}）· 奖励{' '}
        <Text className='rc-price'>{formatYuan(c.subsidyFen)}</Text>
      </Text>
      {c.rejectReason ? <Text className='rc-line'>驳回原因：{c.rejectReason}</Text> : null}
      {c.canReview ? (
        <View>
          <View className='rc-field'>
            <Input className='rc-input' value={reason} placeholder='驳回时请填写原因' onInput={(e) => setReason(e.detail.value)} />
          </View>
          <View className='rc-actions'>
            <Button
              className={`rc-btn rc-btn--small rc-btn--ghost`}
              disabled={busy || !reason.trim()}
              onClick={() => void decide('reject')}
            >
              驳回
            </Button>
            <Button className={`rc-btn rc-btn--small`} disabled={busy} onClick={() => void decide('approve')}>
              批准
            </Button>
          </View>
        </View>
      ) : null}
    </View>
  );
}

export default function SubsidyPage() {
  const { state, reload } = useRemote(() => api.recuperation.subsidyList({}));
  return (
    <View className={`page${elderClass()}`}>
      <AdminLinks current='subsidy' />
      <Text className='note'>
        非公企业、社会组织工会在本市组织职工疗休养，按实际消费（每人每天最多计 400 元）的 10% 给予奖励，由上级工会审核。
      </Text>
      {state.status !== 'ready' ? (
        <RemoteGate state={state} reload={reload} rows={4} />
      ) : (
        <View>
          {state.data.claims.length === 0 ? (
            <EmptyState title='暂无申报' hint='非公企业、社会组织工会组织的本地疗休养，可在此申报本地行奖励' />
          ) : (
            state.data.claims.map((c) => <Claim key={c.id} c={c} onDecided={reload} />)
          )}
          <ClaimForm units={state.data.units} onSubmitted={reload} />
        </View>
      )}
      <LocalTools />
    </View>
  );
}
