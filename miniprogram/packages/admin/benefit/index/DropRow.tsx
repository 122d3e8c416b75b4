/**
 * One drop in 周五福利管理: what it is and how it went (tap → 福利数据), 已撤回 with when, who and
 * why, and — only while the server still accepts it — 撤回: a reason (members read it), then a
 * second tap to confirm. Sent with useRetrySafeSend: a retry after a lost answer repeats the same
 * request, which the server applies once.
 */
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '../../../../components/Button';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { useRetrySafeSend } from '../../../../hooks/useRetrySafeSend';
import { api } from '../../../../services/api';
import { DROP_KIND_LABELS, DROP_MODE_LABELS } from '../../../../../shared/benefit/kinds';
import { CANCEL_LEAD_MS } from '../../../../../shared/benefit/rules';
import { CANCEL_REASON_MAX, CANCEL_REASON_MIN, type AdminDropRow, type DropCancellation } from '../../../../../shared/benefit/schemas';
import { formatBusiness, formatBusinessFriendly } from '../../../../../shared/time';

export interface DropRowProps {
  drop: AdminDropRow;
  /** Server time now (the list's serverTime plus the time since it arrived). */
  serverNow: number;
}

export default function DropRow({ drop, serverNow }: DropRowProps) {
  const [cancelled, setCancelled] = useState<DropCancellation | null>(drop.cancelled);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { send, busy, error, setError } = useRetrySafeSend();
  const canCancel = !cancelled && drop.cancellableUntil !== null && serverNow < drop.cancellableUntil;

  const confirm = async () => {
    const why = reason.trim();
    if ([...why].length < CANCEL_REASON_MIN) {
      setError(`请填写撤回原因（${CANCEL_REASON_MIN}–${CANCEL_REASON_MAX} 个字），会员会看到这条原因`);
      return;
    }
    const data = await send((requestId) => api.benefit.adminCancel(drop.id, why, requestId));
    if (!data) return;
    setCancelled(data.cancelled);
    setOpen(false);
    void Taro.showToast({ title: '已撤回', icon: 'success' });
  };

  const status = cancelled
    ? `已于 ${formatBusinessFriendly(cancelled.at)} 撤回（${cancelled.by}）：${cancelled.reason}`
    : drop.soldOutAt
      ? `已于 ${formatBusiness(drop.soldOutAt, 'MM-DD HH:mm:ss')} 抢完`
      : drop.drawnAt
        ? `已于 ${formatBusinessFriendly(drop.drawnAt)} 抽签`
        : '查看领取趋势与明细 ›';

  return (
    <View className='bf-claim' data-drop={drop.id} data-cancelled={cancelled ? 'yes' : 'no'}>
      <View onClick={() => void Taro.navigateTo({ url: `/packages/admin/benefit/figures/index?dropId=${drop.id}` })}>
        <View className='bf-row'>
          <Text className='bf-title'>{drop.title}</Text>
          {cancelled ? (
            <Text className='bf-badge bf-badge--muted'>已撤回</Text>
          ) : (
            <Text className='bf-badge'>{DROP_MODE_LABELS[drop.mode]}</Text>
          )}
        </View>
        <Text className='bf-explain'>
          {drop.unionName} · {DROP_KIND_LABELS[drop.kind]} · 共 {drop.stock} 份 · {formatBusinessFriendly(drop.opensAt)} 开始
        </Text>
        <Text className='bf-explain'>{status}</Text>
      </View>

      {canCancel && !open ? (
        <Button className='bf-secondary bf-cancel' size='mini' onClick={() => setOpen(true)}>
          撤回
        </Button>
      ) : null}
      {canCancel && open ? (
        <View className='bf-cancel-panel'>
          <Text className='bf-explain'>
            撤回后会员不能再{drop.mode === 'draw' ? '报名，已报名的会员会收到撤回通知' : '领取'}；撤回不能恢复。开始前{' '}
            {CANCEL_LEAD_MS / 60_000} 分钟内不能撤回。
          </Text>
          <Textarea
            className='bf-textarea'
            name='cancelReason'
            placeholder='撤回原因（会员可见），如：商家临时停止供货，下周重新发布'
            maxlength={CANCEL_REASON_MAX}
            value={reason}
            onInput={(e) => setReason(e.detail.value)}
          />
          {error ? <Text className='bf-error'>{error}</Text> : null}
          <View className='bf-actions'>
            <Button
              className='bf-action bf-action--plain'
              disabled={busy || undefined}
              onClick={() => {
                setOpen(false);
                setError(null);
              }}
            >
              取消
            </Button>
            <Button className='bf-action bf-cancel-confirm' loading={busy} disabled={busy || undefined} onClick={() => void confirm()}>
              {busy ? '正在撤回…' : '确认撤回'}
            </Button>
          </View>
        </View>
      ) : null}
      {!canCancel && !cancelled && error ? <Text className='bf-error'>{error}</Text> : null}
    </View>
  );
}
