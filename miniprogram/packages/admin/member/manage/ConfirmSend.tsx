/**
 * The second tap of a change (修改标签, 转会): says what will happen, then sends it once. The
 * request is fixed while this is shown; its requestId (useRetrySafeSend) is reused only when the
 * admin taps again after a network failure, so a lost answer never applies twice. Going back to
 * edit unmounts it: the next confirmation is a new request with a new id.
 */
import { Text, View } from '@tarojs/components';
import { Button } from '../../../../components/Button';
import type { Result } from '../../../../../shared/envelope';
import { useRetrySafeSend } from '../../../../hooks/useRetrySafeSend';

interface Props<T> {
  summary: string;
  confirmLabel: string;
  busyLabel: string;
  /** Class of the confirm button (tests aim at it). */
  confirmClass: string;
  call: (requestId: string) => Promise<Result<T>>;
  onDone: (data: T) => void;
  onBack: () => void;
}

export default function ConfirmSend<T>({ summary, confirmLabel, busyLabel, confirmClass, call, onDone, onBack }: Props<T>) {
  const { send, busy, error } = useRetrySafeSend();
  const confirm = async () => {
    const data = await send(call);
    if (data) onDone(data);
  };
  return (
    <View>
      <Text className='mg-confirm'>{summary}</Text>
      {error ? <Text className='am-error'>{error}</Text> : null}
      <View className='am-actions'>
        <Button className='am-btn am-btn--plain' disabled={busy || undefined} onClick={onBack}>
          返回修改
        </Button>
        <Button className={`am-btn ${confirmClass}`} disabled={busy || undefined} onClick={() => void confirm()}>
          {busy ? busyLabel : confirmLabel}
        </Button>
      </View>
    </View>
  );
}
