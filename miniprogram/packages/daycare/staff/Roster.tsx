/** One slot's roster for its site's staff: children's data, one day's attendance, CSV export. */
import { Input, Text, View } from '@tarojs/components';
import { Button } from '../../../components/Button';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../../services/api';
import { ErrorState, Skeleton, EmptyState } from '../../../components/StateViews';
import type { StaffRosterResult } from '../../../../shared/daycare/views';
import type { AppError } from '../../../../shared/envelope';
import { formatBusiness } from '../../../../shared/time';
import { pct } from '../labels';
import { exportCsv } from './exportCsv';

export default function Roster({ slotId }: { slotId: string }) {
  const [data, setData] = useState<StaffRosterResult | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [date, setDate] = useState(formatBusiness(Date.now(), 'YYYY-MM-DD'));
  const [marks, setMarks] = useState<Record<string, boolean>>({});

  const load = useCallback(async () => {
    setError(null);
    const res = await api.daycare.staffRoster(slotId);
    if (!res.ok) return setError(res.error);
    setData(res.data);
    // Default to today, kept within the period (before it starts: its first day).
    const { startDate, endDate } = res.data.slot;
    if (date < startDate) setDate(startDate);
    else if (date > endDate) setDate(endDate);
    setMarks(Object.fromEntries(res.data.rows.map((r) => [r.registrationId, r.marks[date] ?? true])));
  }, [slotId, date]);
  useEffect(() => void load(), [load]);

  if (error) return <ErrorState message={error.message} onRetry={() => void load()} />;
  if (!data) return <Skeleton rows={4} />;
  if (data.rows.length === 0) return <EmptyState title='本班期暂无录取的孩子' hint='录取结果公布后，名单会显示在这里' />;

  const save = async () => {
    const res = await api.daycare.staffMarkAttendance({
      slotId,
      date,
      marks: Object.entries(marks).map(([registrationId, present]) => ({ registrationId, present })),
    });
    void Taro.showToast({ title: res.ok ? `已登记 ${res.data.marked} 人` : res.error.message, icon: 'none' });
    if (res.ok) void load();
  };
  const download = async () => {
    const res = await api.daycare.staffRosterCsv(slotId);
    if (res.ok) await exportCsv(res.data.filename, res.data.csv);
    else void Taro.showToast({ title: res.error.message, icon: 'none' });
  };

  return (
    <View className='roster'>
      <View className='dc-field'>
        <Text className='dc-label'>
          出勤日期（{data.slot.startDate} 至 {data.slot.endDate}）
        </Text>
        <Input className='dc-input' value={date} maxlength={10} onInput={(e) => setDate(e.detail.value)} />
      </View>
      {data.rows.map((r) => (
        <View key={r.registrationId} className='dc-row roster-row'>
          <View style={{ flex: 1, minWidth: 0 }}>
            <Text>{r.child.name}</Text>
            <Text className='dc-meta'>
              {r.child.school} · 紧急联系人 {r.child.emergencyName} {r.child.emergencyPhone}
              {r.child.healthNotes ? ` · 健康提示：${r.child.healthNotes}` : ''}
            </Text>
            <Text className='dc-meta'>
              出勤 {r.attendance.present}/{r.attendance.marked} 天（{pct(r.attendance.rate)}）
            </Text>
          </View>
          <Text
            className={`dc-chip ${marks[r.registrationId] ? 'dc-chip--on' : ''}`}
            onClick={() => setMarks((m) => ({ ...m, [r.registrationId]: !m[r.registrationId] }))}
          >
            {marks[r.registrationId] ? '出勤' : '缺勤'}
          </Text>
        </View>
      ))}
      <Button className='dc-btn dc-btn--wide save-attendance' onClick={() => void save()}>
        保存 {date} 出勤
      </Button>
      <Button className='dc-btn dc-btn--plain dc-btn--wide export-roster' onClick={() => void download()}>
        导出花名册（CSV）
      </Button>
      <Text className='dc-meta'>花名册含儿童个人信息，仅限本托管点工作人员使用，请勿外传。</Text>
    </View>
  );
}
