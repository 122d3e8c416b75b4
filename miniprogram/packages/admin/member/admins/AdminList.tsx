/**
 * The admins of one union (member.adminListAdmins) with loading / empty / error states, 添加管理员
 * (AppointForm) and, per admin, 移除: a reason the removed admin reads, then a second tap
 * (ConfirmSend, retry-safe). The list is loaded again after every change.
 */
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '../../../../components/Button';
import { useState } from 'react';
import { useRemote } from '../../../../hooks/useRemote';
import { api } from '../../../../services/api';
import { RemoteGate } from '../../../../components/RemoteView';
import { EmptyState } from '../../../../components/StateViews';
import {
  ADMIN_REASON_MAX,
  ADMIN_REASON_MIN,
  type AdminAppointResult,
  type AdminRemoveResult,
  type UnionAdminView,
  type UnionRef,
} from '../../../../../shared/member/schemas';
import ConfirmSend from '../manage/ConfirmSend';
import AppointForm from './AppointForm';

type RowMode = 'view' | 'reason' | 'confirm';

interface RowProps {
  admin: UnionAdminView;
  union: UnionRef;
  onRemoved: (admin: UnionAdminView, data: AdminRemoveResult) => void;
}

function AdminRow({ admin, union, onRemoved }: RowProps) {
  const [mode, setMode] = useState<RowMode>('view');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const next = () => {
    const length = Array.from(reason.trim()).length;
    if (length < ADMIN_REASON_MIN) {
      setProblem(`请填写移除原因（${ADMIN_REASON_MIN}–${ADMIN_REASON_MAX} 个字），对方将看到这条原因`);
      return;
    }
    setProblem(null);
    setMode('confirm');
  };

  const who = admin.cardNo ? `${admin.nameMasked}（${admin.cardNo}）` : admin.nameMasked;
  const summary = admin.self
    ? `将取消您本人在「${union.name}」的管理员身份，原因：${reason.trim()}。移除后您将不能再管理该工会（上级工会的管理员仍可管理）。`
    : `将取消 ${who}在「${union.name}」的管理员身份，原因：${reason.trim()}。对方会收到通知。`;

  return (
    <View className='ad-admin admins-row'>
      <View className='ad-admin__head'>
        <View>
          <Text className='ad-admin__name'>{admin.nameMasked}</Text>
          {admin.self ? <Text className='ad-admin__self'>本人</Text> : null}
        </View>
        {mode === 'view' ? (
          <Text className='ad-admin__remove admins-remove' onClick={() => setMode('reason')}>
            移除
          </Text>
        ) : null}
      </View>
      <Text className='ad-admin__line'>{admin.cardNo ? `会员卡号：${admin.cardNo}` : '无会员卡（由系统直接设置的管理员）'}</Text>
      <Text className='ad-admin__line'>
        {admin.since
          ? `${admin.sinceText ?? ''} 由 ${admin.appointedBy ?? '工会管理员'} 设置`
          : '任职时间未记录（在「管理员管理」启用前设置）'}
      </Text>
      {mode !== 'view' ? (
        <Textarea
          className='am-textarea admins-remove-reason'
          placeholder='移除原因（对方可见），如：已卸任工会主席'
          maxlength={ADMIN_REASON_MAX}
          disabled={mode === 'confirm'}
          value={reason}
          onInput={(e) => setReason(e.detail.value)}
        />
      ) : null}
      {mode === 'reason' ? (
        <>
          {problem ? <Text className='am-error'>{problem}</Text> : null}
          <View className='am-actions'>
            <Button
              className='am-btn am-btn--plain'
              onClick={() => {
                setMode('view');
                setReason('');
                setProblem(null);
              }}
            >
              取消
            </Button>
            <Button className='am-btn admins-remove-next' onClick={next}>
              下一步
            </Button>
          </View>
        </>
      ) : null}
      {mode === 'confirm' ? (
        <ConfirmSend
          summary={summary}
          confirmLabel='确认移除'
          busyLabel='正在移除…'
          confirmClass='admins-confirm-remove'
          call={(requestId) =>
            api.member.adminRemove(
              {
                unionId: union.id,
                reason: reason.trim().slice(0, ADMIN_REASON_MAX),
                ...(admin.cardNo ? { cardNo: admin.cardNo } : { adminKey: admin.adminKey }),
              },
              { requestId },
            )
          }
          onDone={(data) => onRemoved(admin, data)}
          onBack={() => setMode('reason')}
        />
      ) : null}
    </View>
  );
}

interface Props {
  union: UnionRef;
  /** The caller removed themselves (with what to tell them): their scope may have changed. */
  onSelfRemoved: (message: string) => void;
}

export default function AdminList({ union, onSelfRemoved }: Props) {
  const { state, reload } = useRemote(() => api.member.adminListAdmins(union.id));
  const [done, setDone] = useState<string | null>(null);

  const removed = (admin: UnionAdminView, data: AdminRemoveResult) => {
    if (admin.self && data.changed) {
      onSelfRemoved(`已取消您本人在「${data.union.name}」的管理员身份`);
      return;
    }
    setDone(
      data.changed
        ? `已取消 ${admin.nameMasked} 的管理员身份，对方将在「消息」中收到通知`
        : '该用户已不是本工会的管理员（可能已由其他管理员移除）',
    );
    reload();
  };

  return (
    <View className='card admins-list'>
      <View className='section-title'>
        <Text>管理员</Text>
      </View>
      {state.status !== 'ready' ? (
        <RemoteGate state={state} reload={reload} rows={3} bare />
      ) : (
        <>
          <Text className='ad-count admins-count'>{`共 ${state.data.admins.length} 位（每个工会最多 ${state.data.limit} 位）`}</Text>
          {done ? <Text className='am-done admins-done'>{done}</Text> : null}
          {state.data.admins.length === 0 ? (
            <EmptyState title='该工会暂无管理员' hint='上级工会的管理员可以管理本工会；也可在下方添加管理员。' />
          ) : (
            state.data.admins.map((a) => <AdminRow key={a.key} admin={a} union={state.data.union} onRemoved={removed} />)
          )}
          {state.data.isRoot && state.data.admins.length === 1 ? (
            <Text className='mg-hint'>市总工会须至少保留一位管理员：请先添加另一位管理员，再移除这一位。</Text>
          ) : null}
          <AppointForm
            union={state.data.union}
            full={state.data.admins.length >= state.data.limit}
            limit={state.data.limit}
            onAppointed={(data: AdminAppointResult) => {
              setDone(
                data.changed
                  ? `已将 ${data.member.nameMasked} 设为「${data.union.name}」的管理员，对方将在「消息」中收到通知`
                  : '该会员已是本工会的管理员（可能已由其他管理员设置）',
              );
              reload();
            }}
          />
        </>
      )}
    </View>
  );
}
