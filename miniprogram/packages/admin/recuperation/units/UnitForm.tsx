/**
 * One unit's settings: yearly quota (职代会 / union), staff count, ownership (public units have
 * the 2,000 元 cap), own cost standard, leader share per batch, staff share per year, no-repeat years.
 */
import { Input, Text, View } from '@tarojs/components';
import { Button } from '../../../../components/Button';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../../../services/api';
import { formatYuan, parseYuan } from '../../../../../shared/recuperation/money';
import { OWNERSHIP_LABELS, type Ownership } from '../../../../../shared/recuperation/settings';
import type { UnitView } from '../../../../../shared/recuperation/schemas';

function Field({
  label,
  value,
  onInput,
  type = 'number',
}: {
  label: string;
  value: string;
  onInput: (v: string) => void;
  type?: 'number' | 'digit';
}) {
  return (
    <View className='rc-field'>
      <Text className='rc-field__k'>{label}</Text>
      <Input
        className='rc-input'
        nativeProps={{ 'aria-label': label }}
        type={type}
        value={value}
        onInput={(e) => onInput(e.detail.value)}
      />
    </View>
  );
}

export default function UnitForm({ unit, onSaved }: { unit: UnitView; onSaved: () => void }) {
  const [quota, setQuota] = useState(String(unit.quota));
  const [staff, setStaff] = useState(String(unit.staffCount));
  const [ownership, setOwnership] = useState<Ownership>(unit.ownership);
  const [cap, setCap] = useState(unit.ownership === 'other' && unit.costCapFen ? String(unit.costCapFen / 100) : '');
  const [leaderNum, setLeaderNum] = useState(String(unit.leaderShare.num));
  const [leaderDen, setLeaderDen] = useState(String(unit.leaderShare.den));
  const [staffNum, setStaffNum] = useState(String(unit.staffShare.num));
  const [staffDen, setStaffDen] = useState(String(unit.staffShare.den));
  const [noRepeat, setNoRepeat] = useState(String(unit.noRepeatYears));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const save = async () => {
    const capFen = cap.trim() ? parseYuan(cap) : null;
    if (cap.trim() && capFen === null) return setError('费用标准请填写金额（元）');
    const n = (s: string) => Number.parseInt(s, 10);
    setBusy(true);
    setError('');
    const res = await api.recuperation.adminSaveUnit({
      unionId: unit.unit.id,
      quota: n(quota),
      staffCount: n(staff),
      ownership,
      ...(ownership === 'other' && capFen ? { costCapFen: capFen } : {}),
      leaderShareNum: n(leaderNum),
      leaderShareDen: n(leaderDen),
      staffShareNum: n(staffNum),
      staffShareDen: n(staffDen),
      noRepeatYears: n(noRepeat),
    });
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    void Taro.showToast({ title: '已保存', icon: 'success' });
    onSaved();
  };

  return (
    <View className='card'>
      <View className='section-title'>
        <Text>{unit.unit.name}</Text>
      </View>
      <Text className='note'>
        {unit.year} 年：已批准 {unit.approved} 人，可用 {unit.limit} 人，剩余 {unit.placesLeft} 人。
      </Text>
      <Field label='年度名额（人）' value={quota} onInput={setQuota} />
      <Field label='职工总数（人）' value={staff} onInput={setStaff} />
      <Text className='rc-label'>单位性质</Text>
      <View className='rc-chips'>
        {(Object.keys(OWNERSHIP_LABELS) as Ownership[]).map((o) => (
          <Text key={o} className={`rc-chip ${o === ownership ? 'rc-chip--on' : ''}`} onClick={() => setOwnership(o)}>
            {OWNERSHIP_LABELS[o]}
          </Text>
        ))}
      </View>
      {ownership === 'public' ? (
        <Text className='note'>费用标准：不高于 {formatYuan(200_000)}/人/年（在福利费中列支）。</Text>
      ) : (
        <Field label='费用标准（元/人/年）' value={cap} onInput={setCap} type='digit' />
      )}
      <View className='rc-field'>
        <Text className='rc-field__k'>领导干部比例（每批次）</Text>
        <Input
          className='rc-input'
          nativeProps={{ 'aria-label': '领导比例分子' }}
          type='number'
          value={leaderNum}
          onInput={(e) => setLeaderNum(e.detail.value)}
        />
        <Text> / </Text>
        <Input
          className='rc-input'
          nativeProps={{ 'aria-label': '领导比例分母' }}
          type='number'
          value={leaderDen}
          onInput={(e) => setLeaderDen(e.detail.value)}
        />
      </View>
      <View className='rc-field'>
        <Text className='rc-field__k'>每年参加不超过职工的</Text>
        <Input
          className='rc-input'
          nativeProps={{ 'aria-label': '职工比例分子' }}
          type='number'
          value={staffNum}
          onInput={(e) => setStaffNum(e.detail.value)}
        />
        <Text> / </Text>
        <Input
          className='rc-input'
          nativeProps={{ 'aria-label': '职工比例分母' }}
          type='number'
          value={staffDen}
          onInput={(e) => setStaffDen(e.detail.value)}
        />
      </View>
      <Field label='不重复参加年限（年）' value={noRepeat} onInput={setNoRepeat} />
      {error ? <Text className='rc-error'>{error}</Text> : null}
      <Button className={`rc-btn`} disabled={busy} loading={busy} onClick={() => void save()}>
        保存
      </Button>
    </View>
  );
}
