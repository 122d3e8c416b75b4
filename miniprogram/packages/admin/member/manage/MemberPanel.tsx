/**
 * The member found on 会员卡管理, with 停用 (reason required, member-visible) / 恢复. Each asks for
 * a second tap; the change is sent with one requestId, reused if the admin retries after a
 * network failure, so a lost answer never applies twice. Another admin having done it first
 * comes back as `changed: false` and is said so. The member lives in MemberDetail (the parent):
 * a change is handed up so tags, transfer and history see it too.
 */
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '../../../../components/Button';
import { useState } from 'react';
import { useRetrySafeSend } from '../../../../hooks/useRetrySafeSend';
import { api } from '../../../../services/api';
import Kv from '../Kv';
import { formatBusiness } from '../../../../../shared/time';
import {
  CARD_STATUS_LABELS,
  STATUS_REASON_MAX,
  STATUS_REASON_MIN,
  type AdminMemberView,
  type CardStatus,
} from '../../../../../shared/member/schemas';

type Mode = 'idle' | CardStatus;

function doneSentence(member: AdminMemberView, changed: boolean): string {
  if (!changed)
    return member.status === 'revoked'
      ? '该会员卡已是停用状态（可能已由其他管理员处理）'
      : '该会员卡已是有效状态（可能已由其他管理员处理）';
  return member.status === 'revoked' ? '已停用，会员将在「消息」中收到停用原因' : '已恢复，会员卡和会员专属服务即刻可用';
}

export default function MemberPanel({ member, onChanged }: { member: AdminMemberView; onChanged: (member: AdminMemberView) => void }) {
  const [mode, setMode] = useState<Mode>('idle');
  const [reason, setReason] = useState('');
  const { send, busy, error, setError } = useRetrySafeSend();
  const [done, setDone] = useState<string | null>(null);

  const open = (next: Mode) => {
    setMode(next);
    setError(null);
    setDone(null);
  };

  const submit = async (status: CardStatus) => {
    setError(null);
    const why = reason.trim();
    if (status === 'revoked' && Array.from(why).length < STATUS_REASON_MIN) {
      setError(`请填写停用原因（${STATUS_REASON_MIN}–${STATUS_REASON_MAX} 个字），会员将看到这条原因`);
      return;
    }
    const data = await send((requestId) =>
      api.member.adminSetStatus(
        { memberId: member.id, status, ...(status === 'revoked' ? { reason: why.slice(0, STATUS_REASON_MAX) } : {}) },
        { requestId },
      ),
    );
    if (!data) return;
    onChanged(data.member);
    setDone(doneSentence(data.member, data.changed));
    setMode('idle');
    setReason('');
  };

  const last = member.lastChange;
  return (
    <View className='card am-member'>
      <View className='am-app__head'>
        <Text className='am-app__name'>{member.nameMasked}</Text>
        <Text className={`am-badge am-badge--${member.status} manage-status`}>{CARD_STATUS_LABELS[member.status]}</Text>
      </View>
      <Kv k='会员卡号' v={member.cardNo} />
      <Kv k='所属工会' v={member.union.name} />
      <Kv k='微信绑定' v={member.claimed ? '已绑定' : '未认领（导入后尚未绑定微信）'} />
      {last ? (
        <>
          <Kv k='最近变更' v={`${formatBusiness(last.at)} ${last.byName} ${last.status === 'revoked' ? '停用' : '恢复'}`} />
          {last.reason ? <Kv k='变更原因' v={last.reason} /> : null}
        </>
      ) : null}
      {done ? <Text className='am-done manage-done'>{done}</Text> : null}

      {mode === 'revoked' ? (
        <Textarea
          className='am-textarea manage-reason'
          placeholder='停用原因（会员可见），如：已调离本单位，会籍转出'
          maxlength={STATUS_REASON_MAX}
          value={reason}
          onInput={(e) => setReason(e.detail.value)}
        />
      ) : null}
      {mode === 'active' ? <Text className='note'>恢复后，会员卡和会员专属服务（福利、暑托班、疗休养等）即刻可用。</Text> : null}
      {error ? <Text className='am-error'>{error}</Text> : null}
      <View className='am-actions'>
        {mode === 'idle' ? (
          member.status === 'active' ? (
            <Button className='am-btn am-btn--ghost manage-revoke' onClick={() => open('revoked')}>
              停用
            </Button>
          ) : (
            <Button className='am-btn manage-restore' onClick={() => open('active')}>
              恢复
            </Button>
          )
        ) : (
          <>
            <Button className='am-btn am-btn--plain' disabled={busy || undefined} onClick={() => open('idle')}>
              取消
            </Button>
            <Button className={`am-btn manage-confirm`} disabled={busy || undefined} onClick={() => void submit(mode)}>
              {busy ? '正在提交…' : mode === 'revoked' ? '确认停用' : '确认恢复'}
            </Button>
          </>
        )}
      </View>
    </View>
  );
}
