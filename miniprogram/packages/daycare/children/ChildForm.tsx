/** Add a child: the minimum fields only (no ID number). */
import { Input, Text, Textarea, View } from '@tarojs/components';
import { Button } from '../../../components/Button';
import { useState } from 'react';
import { api } from '../../../services/api';
import { useRetrySafeCalls } from '../../../hooks/useRetrySafeSend';
import { DateTimeField } from '../../../components/DateTimeField';
import { revealProblems } from '../../../utils/formProblems';
import { formatBusiness } from '../../../../shared/time';

const GRADES = [1, 2, 3, 4, 5, 6];

export default function ChildForm({ onAdded }: { onAdded: () => void }) {
  const [v, setV] = useState({ name: '', school: '', emergencyName: '', emergencyPhone: '', healthNotes: '', birthDate: '' });
  const [gender, setGender] = useState<'male' | 'female' | null>(null);
  const [grade, setGrade] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { run } = useRetrySafeCalls();
  const set = (k: keyof typeof v) => (e: { detail: { value: string } }) => setV((p) => ({ ...p, [k]: e.detail.value }));

  const submit = async () => {
    setError(null);
    const problems = [
      !v.name.trim() && { selector: '.field-name', message: '请填写孩子姓名' },
      !gender && { selector: '.field-gender', message: '请选择性别' },
      !grade && !/^\d{4}-\d{2}-\d{2}$/.test(v.birthDate) && { selector: '.field-grade', message: '请选择在读年级或出生日期' },
      !v.school.trim() && { selector: '.field-school', message: '请填写就读学校' },
      !v.emergencyName.trim() && { selector: '.field-emergencyName', message: '请填写紧急联系人' },
      !v.emergencyPhone.trim() && { selector: '.field-emergencyPhone', message: '请填写紧急联系电话' },
    ].filter((p): p is { selector: string; message: string } => Boolean(p));
    if (problems.length) {
      setError(problems.map((p) => p.message).join('；'));
      revealProblems(problems);
      return;
    }
    if (!gender) return; // listed above; narrows the type
    setBusy(true);
    const res = await run((requestId) =>
      api.daycare.addChild(
        {
          name: v.name.trim(),
          gender,
          school: v.school.trim(),
          emergencyName: v.emergencyName.trim(),
          emergencyPhone: v.emergencyPhone.trim(),
          ...(v.healthNotes.trim() ? { healthNotes: v.healthNotes.trim() } : {}),
          ...(grade ? { grade } : { birthDate: v.birthDate }),
        },
        { requestId },
      ),
    );
    setBusy(false);
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    setV({ name: '', school: '', emergencyName: '', emergencyPhone: '', healthNotes: '', birthDate: '' });
    setGender(null);
    setGrade(null);
    onAdded();
  };

  const input = (k: keyof typeof v, label: string, placeholder: string, extra: Record<string, unknown> = {}) => (
    <View className={`dc-field field-${k}`}>
      <Text className='dc-label'>{label}</Text>
      <Input
        className='dc-input'
        nativeProps={{ 'aria-label': label }}
        placeholder={placeholder}
        value={v[k]}
        onInput={set(k)}
        {...extra}
      />
    </View>
  );

  return (
    <View className='card child-form'>
      <View className='section-title'>添加孩子</View>
      {input('name', '孩子姓名', '与户口簿一致', { maxlength: 20 })}
      <View className='dc-field field-gender'>
        <Text className='dc-label'>性别</Text>
        <View className='dc-chips'>
          {(['male', 'female'] as const).map((g) => (
            <Text key={g} className={`dc-chip gender-${g} ${gender === g ? 'dc-chip--on' : ''}`} onClick={() => setGender(g)}>
              {g === 'male' ? '男' : '女'}
            </Text>
          ))}
        </View>
      </View>
      <View className='dc-field field-grade'>
        <Text className='dc-label'>在读年级（本学年）</Text>
        <View className='dc-chips'>
          {GRADES.map((g) => (
            <Text
              key={g}
              className={`dc-chip grade-${g} ${grade === g ? 'dc-chip--on' : ''}`}
              onClick={() => setGrade(grade === g ? null : g)}
            >
              {g}年级
            </Text>
          ))}
        </View>
      </View>
      {grade ? null : (
        <DateTimeField
          label='或：出生日期'
          dateOnly
          value={v.birthDate}
          end={formatBusiness(Date.now(), 'YYYY-MM-DD')}
          onChange={(d) => setV((p) => ({ ...p, birthDate: d }))}
        />
      )}
      {input('school', '就读学校', '学校全称', { maxlength: 40 })}
      {input('emergencyName', '紧急联系人', '姓名', { maxlength: 20 })}
      {input('emergencyPhone', '紧急联系电话', '11 位手机号', { type: 'number', maxlength: 11 })}
      <View className='dc-field'>
        <Text className='dc-label'>健康提示（选填：过敏、慢性病等，仅托管点工作人员可见）</Text>
        <Textarea
          className='dc-input'
          nativeProps={{ 'aria-label': '健康提示' }}
          style={{ height: '120px', padding: '16px 22px' }}
          maxlength={200}
          value={v.healthNotes}
          onInput={set('healthNotes')}
        />
      </View>
      {error ? <Text className='dc-error'>{error}</Text> : null}
      <Button className='dc-btn dc-btn--wide add-child-submit' disabled={busy} onClick={() => void submit()}>
        {busy ? '提交中…' : '保存'}
      </Button>
    </View>
  );
}
