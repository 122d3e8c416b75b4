/** 申报本地行奖励: a non-public unit's local recuperation; the subsidy is previewed with the same rule the server applies. */
import { Input, Text, View } from '@tarojs/components';
import { Button } from '../../../../components/Button';
import { useState } from 'react';
import { api } from '../../../../services/api';
import { useRetrySafeCalls } from '../../../../hooks/useRetrySafeSend';
import { formatYuan, parseYuan } from '../../../../../shared/recuperation/money';
import { computeSubsidy } from '../../../../../shared/recuperation/subsidy';
import type { UnionBrief } from '../../../../../shared/recuperation/schemas';

export default function ClaimForm({ units, onSubmitted }: { units: UnionBrief[]; onSubmitted: () => void }) {
  const [unionId, setUnionId] = useState(units[0]?.id ?? '');
  const [place, setPlace] = useState('');
  const [startDate, setStartDate] = useState('');
  const [days, setDays] = useState('2');
  const [persons, setPersons] = useState('');
  const [spend, setSpend] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const { run } = useRetrySafeCalls();
  const spendFen = parseYuan(spend);
  const preview =
    spendFen && Number(persons) > 0 && Number(days) > 0
      ? computeSubsidy({ persons: Number(persons), days: Number(days), spendPerPersonPerDayFen: spendFen })
      : null;

  const submit = async () => {
    if (!spendFen) return setError('请填写人均每天实际消费（元）');
    setBusy(true);
    setError('');
    const res = await run((requestId) =>
      api.recuperation.subsidySubmit(
        { unionId, place: place.trim(), startDate, days: Number(days), persons: Number(persons), spendPerPersonPerDayFen: spendFen },
        { requestId },
      ),
    );
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    onSubmitted();
  };

  if (units.length === 0) return <Text className='note'>您管理的范围内没有已设置为“其他企业”的基层工会，暂不能申报。</Text>;
  return (
    <View className='card'>
      <View className='section-title'>
        <Text>申报本地行奖励</Text>
      </View>
      <View className='rc-chips'>
        {units.map((u) => (
          <Text key={u.id} className={`rc-chip ${u.id === unionId ? 'rc-chip--on' : ''}`} onClick={() => setUnionId(u.id)}>
            {u.name}
          </Text>
        ))}
      </View>
      {[
        ['疗休养地点', place, setPlace, 'text', '如：北仑九峰山'],
        ['开始日期', startDate, setStartDate, 'text', '2026-05-01'],
        ['天数', days, setDays, 'number', '1–5'],
        ['参加人数', persons, setPersons, 'number', '人'],
        ['人均每天实际消费（元）', spend, setSpend, 'digit', '元'],
      ].map(([label, value, set, type, ph]) => (
        <View key={label as string} className='rc-field'>
          <Text className='rc-field__k'>{label as string}</Text>
          <Input
            className='rc-input'
            type={type as 'text'}
            value={value as string}
            placeholder={ph as string}
            onInput={(e) => (set as (v: string) => void)(e.detail.value)}
          />
        </View>
      ))}
      {preview ? (
        <Text className='rc-reason'>
          按每人每天最多 400 元计入：计入 {formatYuan(preview.countedTotalFen)}（实际 {formatYuan(preview.actualTotalFen)}），奖励 10% 为{' '}
          {formatYuan(preview.subsidyFen)}。
        </Text>
      ) : null}
      {error ? <Text className='rc-error'>{error}</Text> : null}
      <Button className={`rc-btn`} disabled={busy} loading={busy} onClick={() => void submit()}>
        提交申报
      </Button>
    </View>
  );
}
