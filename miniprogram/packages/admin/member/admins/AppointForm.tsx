/**
 * 添加管理员: the admin types a card number, sees the member it belongs to (adminFindMember —
 * masked; cards outside their subtree are "not found"), and, if the card is active and linked to
 * a WeChat user, confirms with a second tap (ConfirmSend: one requestId, reused only when retrying
 * after a network failure). The server checks everything again.
 */
import { Input, Text, View } from '@tarojs/components';
import { Button } from '../../../../components/Button';
import { useRef, useState } from 'react';
import { api } from '../../../../services/api';
import { normalizeCardNo } from '../../../../../shared/member/card';
import { CARD_STATUS_LABELS, type AdminAppointResult, type AdminMemberView, type UnionRef } from '../../../../../shared/member/schemas';
import Kv from '../Kv';
import ConfirmSend from '../manage/ConfirmSend';

type Mode = 'idle' | 'lookup' | 'confirm';
type Lookup =
  { status: 'idle' } | { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; member: AdminMemberView };

/** Why this card cannot be made an admin (the server says the same), or null. */
function blocker(member: AdminMemberView): string | null {
  if (member.status === 'revoked') return '该会员卡已停用，不能设为管理员；如需设置，请先在「会员卡管理」恢复会员卡';
  if (!member.claimed)
    return '该会员尚未在小程序中绑定会员卡，暂不能设为管理员：请其先在小程序「入会」页选择「已是会员？认领会员卡」完成绑定';
  return null;
}

interface Props {
  union: UnionRef;
  /** The union already has the maximum number of admins. */
  full: boolean;
  limit: number;
  onAppointed: (data: AdminAppointResult) => void;
}

export default function AppointForm({ union, full, limit, onAppointed }: Props) {
  const [mode, setMode] = useState<Mode>('idle');
  const [cardNo, setCardNo] = useState('');
  const [lookup, setLookup] = useState<Lookup>({ status: 'idle' });
  const ticket = useRef(0);

  const close = () => {
    ticket.current++;
    setMode('idle');
    setCardNo('');
    setLookup({ status: 'idle' });
  };

  const find = () => {
    const card = normalizeCardNo(cardNo);
    if (!card) {
      setLookup({ status: 'error', message: '请输入完整的会员卡号：NB51 加 8 位数字' });
      return;
    }
    const t = ++ticket.current;
    setLookup({ status: 'loading' });
    void api.member.adminFindMember(card).then((res) => {
      if (t !== ticket.current) return;
      setLookup(res.ok ? { status: 'ready', member: res.data.member } : { status: 'error', message: res.error.message });
    });
  };

  if (mode === 'idle') {
    return (
      <View className='mg-block admins-appoint'>
        {full ? <Text className='mg-hint'>{`已达上限：每个工会最多 ${limit} 位管理员，请先移除不再任职的管理员。`}</Text> : null}
        <View className='am-actions'>
          <Button className={`am-btn am-btn--ghost admins-add`} disabled={full || undefined} onClick={() => setMode('lookup')}>
            添加管理员
          </Button>
        </View>
      </View>
    );
  }

  const member = lookup.status === 'ready' ? lookup.member : null;
  const blocked = member ? blocker(member) : null;
  return (
    <View className='mg-block admins-appoint'>
      <Text className='mg-label'>新管理员的会员卡号</Text>
      <Input
        className='am-input admins-card'
        placeholder='如 NB51 0000 0042'
        maxlength={40}
        disabled={mode === 'confirm'}
        value={cardNo}
        onInput={(e) => {
          setCardNo(e.detail.value);
          if (lookup.status !== 'idle') setLookup({ status: 'idle' });
        }}
        onConfirm={find}
      />
      <Text className='mg-hint'>须为本级或下级工会的会员，且已在小程序中绑定会员卡。</Text>
      {lookup.status === 'loading' ? <Text className='mg-hint'>正在查找…</Text> : null}
      {lookup.status === 'error' ? <Text className='am-error admins-lookup-error'>{lookup.message}</Text> : null}
      {member ? (
        <View className='admins-found'>
          <Kv k='姓名' v={member.nameMasked} />
          <Kv k='会员卡号' v={member.cardNo} />
          <Kv k='所属工会' v={member.union.name} />
          <Kv k='会员卡状态' v={CARD_STATUS_LABELS[member.status]} />
          <Kv k='微信绑定' v={member.claimed ? '已绑定' : '未绑定'} />
          {blocked ? <Text className='am-error admins-blocked'>{blocked}</Text> : null}
        </View>
      ) : null}
      {mode === 'lookup' ? (
        <View className='am-actions'>
          <Button className='am-btn am-btn--plain' onClick={close}>
            取消
          </Button>
          {member && !blocked ? (
            <Button className='am-btn admins-appoint-next' onClick={() => setMode('confirm')}>
              设为管理员
            </Button>
          ) : (
            <Button className={`am-btn admins-find`} disabled={lookup.status === 'loading' || undefined} onClick={find}>
              查找
            </Button>
          )}
        </View>
      ) : member ? (
        <ConfirmSend
          summary={`将 ${member.nameMasked}（${member.cardNo}）设为「${union.name}」的管理员。对方将可在「工会工作台」办理该工会及其下级工会的入会审核、会员卡管理等事务，并会收到通知。`}
          confirmLabel='确认设置'
          busyLabel='正在设置…'
          confirmClass='admins-confirm-appoint'
          call={(requestId) => api.member.adminAppoint({ cardNo: member.cardNo, unionId: union.id }, { requestId })}
          onDone={(data) => {
            close();
            onAppointed(data);
          }}
          onBack={() => setMode('lookup')}
        />
      ) : null}
    </View>
  );
}
