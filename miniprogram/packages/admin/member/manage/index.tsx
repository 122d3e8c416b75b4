/**
 * 会员卡管理: the admin enters a card number and sees the member (masked) if the card belongs to
 * their union subtree — the server answers "not found" for other unions' cards as for unknown
 * ones — then suspends (停用, with a reason the member reads) or reinstates (恢复) it, changes
 * its tags, moves it to another union of the subtree (转会), and reads its 变更记录 (MemberDetail).
 */
import { Input, Text, View } from '@tarojs/components';
import { Button } from '../../../../components/Button';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../../../services/api';
import { EmptyState } from '../../../../components/StateViews';
import { RemoteGate, type NotReady } from '../../../../components/RemoteView';
import LocalTools from '../../../../components/LocalTools';
import { EVENTS } from '../../../../utils/events';
import { normalizeCardNo } from '../../../../../shared/member/card';
import type { AdminMemberView } from '../../../../../shared/member/schemas';
import MemberDetail from './MemberDetail';
import { elderClass } from '../../../../utils/elderMode';
import '../admin-member.css';

type Lookup = { status: 'idle' } | NotReady | { status: 'ready'; member: AdminMemberView; ticket: number };

export default function ManagePage() {
  const [cardNo, setCardNo] = useState('');
  const [inputError, setInputError] = useState<string | null>(null);
  const [lookup, setLookup] = useState<Lookup>({ status: 'idle' });
  const ticket = useRef(0);
  const asked = useRef<string | null>(null);

  const find = (card: string) => {
    const t = ++ticket.current;
    asked.current = card;
    setLookup({ status: 'loading' });
    void api.member.adminFindMember(card).then((res) => {
      if (t !== ticket.current) return;
      setLookup(res.ok ? { status: 'ready', member: res.data.member, ticket: t } : { status: 'error', error: res.error });
    });
  };

  const search = () => {
    const card = normalizeCardNo(cardNo);
    if (!card) {
      setInputError('请输入完整的会员卡号：NB51 加 8 位数字');
      return;
    }
    setInputError(null);
    find(card);
  };

  // H5 demo: another persona may not see this member; start over.
  useEffect(() => {
    const reset = () => {
      ticket.current++;
      setLookup({ status: 'idle' });
    };
    Taro.eventCenter.on(EVENTS.personaChanged, reset);
    return () => {
      Taro.eventCenter.off(EVENTS.personaChanged, reset);
    };
  }, []);

  return (
    <View className={`page am-manage${elderClass()}`}>
      <View className='card'>
        <View className='section-title'>
          <Text>会员卡号</Text>
        </View>
        <Input
          className='am-input manage-card'
          placeholder='如 NB51 0000 0042'
          maxlength={40}
          value={cardNo}
          onInput={(e) => setCardNo(e.detail.value)}
          onConfirm={search}
        />
        {inputError ? <Text className='am-error'>{inputError}</Text> : null}
        <View className='am-actions'>
          <Button className={`am-btn manage-find`} disabled={lookup.status === 'loading' || undefined} onClick={search}>
            {lookup.status === 'loading' ? '正在查找…' : '查找'}
          </Button>
        </View>
      </View>

      {lookup.status === 'idle' ? (
        <EmptyState title='输入会员卡号查找会员' hint='仅能查找本级及下级工会的会员。' />
      ) : lookup.status === 'ready' ? (
        <MemberDetail key={lookup.ticket} found={lookup.member} />
      ) : (
        <RemoteGate state={lookup} reload={() => asked.current && find(asked.current)} rows={4} />
      )}
      <Text className='note'>
        停用后，该会员的会员码无法通过核验，也不能参与福利、暑托班、疗休养等会员专属服务；恢复后即刻可用。修改标签会影响福利参与条件和疗休养优先顺序；转会后会员归属新工会管理，卡号不变。每次变更都会记录操作人、时间和原因，并通知会员。
      </Text>
      <LocalTools />
    </View>
  );
}
