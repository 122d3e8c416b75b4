/**
 * One application in the review list. 通过 / 驳回 each ask for a second tap (驳回 needs a
 * reason); the decision is sent with one requestId, reused if the admin retries after a network
 * failure. Another admin deciding first shows up as the server's message.
 */
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '../../../../components/Button';
import { useState } from 'react';
import { useRetrySafeSend } from '../../../../hooks/useRetrySafeSend';
import { api } from '../../../../services/api';
import Kv from '../Kv';
import { formatBusiness } from '../../../../../shared/time';
import {
  APPLICATION_STATUS_LABELS,
  ROUTING_LABELS,
  type AdminApplicationView,
  type ApplicationView,
} from '../../../../../shared/member/schemas';
import { MEMBER_TAG_LABELS } from '../../../../../shared/member/tags';

type Mode = 'idle' | 'approve' | 'reject';

export default function ApplicationItem({ item }: { item: AdminApplicationView }) {
  const [mode, setMode] = useState<Mode>('idle');
  const [reason, setReason] = useState('');
  const { send, busy, error, setError } = useRetrySafeSend();
  const [decided, setDecided] = useState<ApplicationView | null>(null);

  const decide = async (decision: 'approve' | 'reject') => {
    setError(null);
    const why = reason.trim();
    if (decision === 'reject' && !why) {
      setError('请填写驳回原因，申请人将看到这条原因');
      return;
    }
    const data = await send((requestId) =>
      api.member.adminReview(
        { applicationId: item.id, decision, ...(decision === 'reject' ? { reason: why.slice(0, 200) } : {}) },
        { requestId },
      ),
    );
    if (!data) return;
    setDecided(data.application);
    setMode('idle');
  };

  const a = decided ?? item;
  return (
    <View className='card am-app'>
      <View className='am-app__head'>
        <Text className='am-app__name'>{item.realName ?? item.nameMasked}</Text>
        <Text className={`am-badge am-badge--${a.status}`}>{APPLICATION_STATUS_LABELS[a.status]}</Text>
      </View>
      <Kv k='身份证号' v={item.idMasked} />
      <Kv k='手机号' v={item.phoneMasked} />
      <Kv k='工作单位' v={item.employer} />
      <Kv k='申请加入' v={`${item.union.name}（${ROUTING_LABELS[item.routing]}）`} />
      {item.tags.length ? <Kv k='职工标签' v={item.tags.map((t) => MEMBER_TAG_LABELS[t]).join('、')} /> : null}
      <Kv k='提交时间' v={formatBusiness(item.submittedAt)} />
      {a.rejectReason ? <Kv k='驳回原因' v={a.rejectReason} /> : null}
      {a.cardNo ? <Kv k='会员卡号' v={a.cardNo} /> : null}

      {decided ? (
        <Text className='am-done'>
          {decided.status === 'approved' ? `已通过，会员卡号 ${decided.cardNo ?? ''}` : '已驳回，申请人可查看原因'}
        </Text>
      ) : a.status === 'pending' ? (
        <>
          {mode === 'reject' ? (
            <Textarea
              className='am-textarea'
              placeholder='驳回原因（申请人可见），如：所选工会与工作单位不符'
              maxlength={200}
              value={reason}
              onInput={(e) => setReason(e.detail.value)}
            />
          ) : null}
          {error ? <Text className='am-error'>{error}</Text> : null}
          <View className='am-actions'>
            {mode === 'idle' ? (
              <>
                <Button className='am-btn am-btn--ghost review-reject' onClick={() => setMode('reject')}>
                  驳回
                </Button>
                <Button className='am-btn review-approve' onClick={() => setMode('approve')}>
                  通过
                </Button>
              </>
            ) : (
              <>
                <Button
                  className='am-btn am-btn--plain'
                  disabled={busy || undefined}
                  onClick={() => {
                    setMode('idle');
                    setError(null);
                  }}
                >
                  取消
                </Button>
                <Button className={`am-btn review-confirm`} disabled={busy || undefined} onClick={() => void decide(mode)}>
                  {busy ? '正在提交…' : mode === 'approve' ? '确认通过' : '确认驳回'}
                </Button>
              </>
            )}
          </View>
        </>
      ) : null}
    </View>
  );
}
