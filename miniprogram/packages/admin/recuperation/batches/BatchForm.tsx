/** 发布批次: venue, start date, days (≤ 5, travel included), capacity, cost per person in 元 (sent as 分). */
import { Input, Text, View } from '@tarojs/components';
import { Button } from '../../../../components/Button';
import { useState } from 'react';
import { api } from '../../../../services/api';
import { useRetrySafeCalls } from '../../../../hooks/useRetrySafeSend';
import { MAX_BATCH_DAYS } from '../../../../../shared/recuperation/batch';
import { parseYuan } from '../../../../../shared/recuperation/money';
import type { AdminBatchesResult } from '../../../../../shared/recuperation/schemas';

export default function BatchForm({ data, onCreated }: { data: AdminBatchesResult; onCreated: () => void }) {
  const [venueId, setVenueId] = useState(data.venues[0]?.id ?? '');
  const [ownerUnionId, setOwner] = useState(data.owners[0]?.id ?? '');
  const [startDate, setStartDate] = useState('');
  const [days, setDays] = useState('5');
  const [capacity, setCapacity] = useState('30');
  const [cost, setCost] = useState('1800');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const { run } = useRetrySafeCalls();

  const submit = async () => {
    const costFen = parseYuan(cost);
    if (costFen === null) return setError('人均费用请填写金额（元，最多两位小数）');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(startDate)) return setError('开始日期请按 2026-07-06 的格式填写');
    setBusy(true);
    setError('');
    const res = await run((requestId) =>
      api.recuperation.adminCreateBatch(
        { venueId, ownerUnionId, startDate, days: Number(days), capacity: Number(capacity), costFen },
        { requestId },
      ),
    );
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    onCreated();
  };

  return (
    <View className='card'>
      <View className='section-title'>
        <Text>发布批次</Text>
      </View>
      <Text className='rc-label'>疗休养场所</Text>
      <View className='rc-chips'>
        {data.venues.map((v) => (
          <Text key={v.id} className={`rc-chip ${v.id === venueId ? 'rc-chip--on' : ''}`} onClick={() => setVenueId(v.id)}>
            {v.name}
          </Text>
        ))}
      </View>
      <Text className='rc-label'>发布工会</Text>
      <View className='rc-chips'>
        {data.owners.map((o) => (
          <Text key={o.id} className={`rc-chip ${o.id === ownerUnionId ? 'rc-chip--on' : ''}`} onClick={() => setOwner(o.id)}>
            {o.name}
          </Text>
        ))}
      </View>
      <View className='rc-field'>
        <Text className='rc-field__k'>开始日期</Text>
        <Input
          className='rc-input'
          nativeProps={{ 'aria-label': '开始日期' }}
          value={startDate}
          placeholder='2026-07-06'
          onInput={(e) => setStartDate(e.detail.value)}
        />
      </View>
      <View className='rc-field'>
        <Text className='rc-field__k'>天数（含路途）</Text>
        <Input
          className='rc-input'
          nativeProps={{ 'aria-label': '天数' }}
          type='number'
          value={days}
          onInput={(e) => setDays(e.detail.value)}
        />
      </View>
      <View className='rc-field'>
        <Text className='rc-field__k'>名额（人）</Text>
        <Input
          className='rc-input'
          nativeProps={{ 'aria-label': '名额' }}
          type='number'
          value={capacity}
          onInput={(e) => setCapacity(e.detail.value)}
        />
      </View>
      <View className='rc-field'>
        <Text className='rc-field__k'>人均费用（元）</Text>
        <Input
          className='rc-input'
          nativeProps={{ 'aria-label': '人均费用' }}
          type='digit'
          value={cost}
          onInput={(e) => setCost(e.detail.value)}
        />
      </View>
      <Text className='note'>
        每批次只选一个场所，时间一般不超过 {MAX_BATCH_DAYS} 天（含路途）；党政机关和国有企事业单位人均不超过 2,000 元/年。
      </Text>
      {error ? <Text className='rc-error'>{error}</Text> : null}
      <Button className={`rc-btn`} disabled={busy || !venueId || !ownerUnionId} loading={busy} onClick={() => void submit()}>
        发布
      </Button>
    </View>
  );
}
