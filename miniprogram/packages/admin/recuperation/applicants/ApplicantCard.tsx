/**
 * One ranked applicant: rank, masked name, tags, score lines, batch; 批准 / 不批准 (with a reason).
 * A member whose card is suspended is marked 会员卡已停用 and offered only 不批准 (the platform
 * refuses the approval anyway).
 */
import { Input, Text, View } from '@tarojs/components';
import { Button } from '../../../../components/Button';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../../../services/api';
import type { ApplicantView } from '../../../../../shared/recuperation/schemas';
import { TAG_LABELS, statusBadge } from '../../../recuperation/labels';

export default function ApplicantCard({ a, onDecided }: { a: ApplicantView; onDecided: () => void }) {
  const [busy, setBusy] = useState(false);
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');

  const decide = async (decision: 'approve' | 'refuse') => {
    setBusy(true);
    setError('');
    const res = await api.recuperation.adminDecide({
      applicationId: a.id,
      decision,
      ...(decision === 'refuse' ? { reason: reason.trim() } : {}),
    });
    setBusy(false);
    if (!res.ok) {
      // The platform names the rule that stops the approval (名额、比例、费用标准…).
      setError(res.error.message);
      return;
    }
    void Taro.showToast({ title: decision === 'approve' ? '已批准' : '已处理', icon: 'success' });
    onDecided();
  };

  return (
    <View className='card rc-applicant'>
      <View className='rc-row'>
        <Text className='rc-rank'>{a.rank}</Text>
        <View className='rc-grow'>
          <Text className='rc-batch__title'>{a.nameMasked}</Text>
          <View className='rc-tags'>
            {a.tags.map((t) => (
              <Text key={t} className={`rc-tag ${t === 'leader' ? 'rc-tag--leader' : ''}`}>
                {TAG_LABELS[t]}
              </Text>
            ))}
            {a.source === 'nominated' ? <Text className='rc-tag rc-tag--leader'>工会推荐</Text> : null}
            {a.memberSuspended ? <Text className='rc-tag'>会员卡已停用</Text> : null}
          </View>
        </View>
        <Text className={statusBadge(a.status)}>{a.statusLabel}</Text>
      </View>
      <Text className='rc-line'>
        {a.batch.title} · {a.batch.period}
      </Text>
      <Text className='rc-line'>{a.priority.explanation}</Text>
      {a.refuseReason ? <Text className='rc-line'>不予批准原因：{a.refuseReason}</Text> : null}
      {a.memberSuspended && a.status === 'pending' ? (
        <Text className='rc-line'>该会员的会员卡已被所属工会停用，不能批准；如不再安排，请填写原因后不予批准。</Text>
      ) : null}
      {a.status === 'pending' ? (
        refusing ? (
          <View>
            <View className='rc-field'>
              <Input
                className='rc-input'
                value={reason}
                maxlength={200}
                placeholder='请填写不予批准的原因'
                onInput={(e) => setReason(e.detail.value)}
              />
            </View>
            <View className='rc-actions'>
              <Button className='rc-btn rc-btn--small rc-btn--ghost' onClick={() => setRefusing(false)}>
                取消
              </Button>
              <Button className={`rc-btn rc-btn--small`} disabled={busy || !reason.trim()} onClick={() => void decide('refuse')}>
                确认不批准
              </Button>
            </View>
          </View>
        ) : (
          <View className='rc-actions'>
            <Button className={`rc-btn rc-btn--small rc-btn--ghost`} disabled={busy} onClick={() => setRefusing(true)}>
              不批准
            </Button>
            {a.memberSuspended ? null : (
              <Button className={`rc-btn rc-btn--small`} disabled={busy} loading={busy} onClick={() => void decide('approve')}>
                批准
              </Button>
            )}
          </View>
        )
      ) : null}
      {error ? <Text className='rc-error'>{error}</Text> : null}
    </View>
  );
}
