/** One period × band with its figures, and the sign-up chooser (pick a child, confirm). */
import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/Button';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../../services/api';
import { useRetrySafeCalls } from '../../../hooks/useRetrySafeSend';
import type { ChildView, SlotView } from '../../../../shared/daycare/views';
import { DAYCARE_PAGES, monthDay } from '../labels';

export default function SlotRow({
  slot,
  mode,
  open,
  kids,
}: {
  slot: SlotView;
  mode: 'first_come' | 'lottery';
  open: boolean;
  kids: ChildView[];
}) {
  const [picking, setPicking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Reused when retrying after a network failure: the server resumes the same sign-up.
  const { run } = useRetrySafeCalls();

  const choose = async (child: ChildView) => {
    setError(null);
    setBusy(true);
    const res = await run((requestId) => api.daycare.signUp({ slotId: slot.id, childId: child.id }, { requestId }));
    setBusy(false);
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    setPicking(false);
    void Taro.showToast({ title: res.data.registration.statusText, icon: 'none' });
    void Taro.navigateTo({ url: DAYCARE_PAGES.mine });
  };

  const figures =
    mode === 'first_come' ? `名额 ${slot.capacity} · 剩余 ${slot.remaining}` : `名额 ${slot.capacity} · 已报名 ${slot.demand}`;
  return (
    <View className='dc-slot-wrap'>
      <View className='dc-slot'>
        <View className='dc-slot__main'>
          <Text className='dc-slot__title'>
            {slot.periodName} · {slot.bandLabel}
          </Text>
          <Text className='dc-slot__figures'>
            {monthDay(slot.startDate)}–{monthDay(slot.endDate)} · {figures}
          </Text>
        </View>
        {open ? (
          <Button className='dc-btn signup-btn' onClick={() => setPicking(!picking)}>
            报名
          </Button>
        ) : null}
      </View>
      {picking ? (
        <View className='dc-sheet'>
          {kids.length === 0 ? (
            <View>
              <Text className='dc-meta'>还没有登记孩子信息。</Text>
              <Button className='dc-btn dc-btn--plain' onClick={() => void Taro.navigateTo({ url: DAYCARE_PAGES.children })}>
                去添加孩子
              </Button>
            </View>
          ) : (
            kids.map((k) => (
              <View key={k.id} className='dc-child-option'>
                <Text>为 {k.name} 报名</Text>
                <Button className='dc-btn choose-child' disabled={busy} onClick={() => void choose(k)}>
                  {busy ? '提交中…' : '确认报名'}
                </Button>
              </View>
            ))
          )}
          {error ? <Text className='dc-error'>{error}</Text> : null}
        </View>
      ) : null}
    </View>
  );
}
