/** One union's contact: loads what is stored (system.adminContact), edits and saves it. */
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../../../services/api';
import { useRemote } from '../../../../hooks/useRemote';
import { RemoteGate } from '../../../../components/RemoteView';
import { Button } from '../../../../components/Button';
import { CONTACT_PHONE_PATTERN, type AdminContactResult, type AdminSaveContactRequest } from '../../../../../shared/system/contacts';

interface Form {
  contactPhone: string;
  address: string;
  hours: string;
  location: { latitude: number; longitude: number } | null;
}

const EMPTY: Form = { contactPhone: '', address: '', hours: '工作日 8:30-12:00，13:30-17:00', location: null };

/** The first problem with the form, in words, or null. */
function problem(f: Form): string | null {
  if (!new RegExp(CONTACT_PHONE_PATTERN).test(f.contactPhone.trim())) return '请填写正确的联系电话，如 0574-86781234';
  if (f.address.trim().length < 4) return '请填写办公地址';
  if (f.hours.trim().length < 2) return '请填写办公时间';
  return null;
}

export default function ContactForm({ unionId }: { unionId: string }) {
  const { state, reload } = useRemote(() => api.system.adminContact(unionId));
  if (state.status !== 'ready') return <RemoteGate state={state} reload={reload} rows={4} />;
  return <ContactEditor key={state.data.contact?.updatedAt ?? 'none'} data={state.data} />;
}

/**
 * The form, mounted with the loaded values (Taro H5's Input throws when its value changes right
 * after it mounts, before its inner <input> exists: so never load into a mounted form).
 */
function ContactEditor({ data }: { data: AdminContactResult }) {
  const unionId = data.unionId;
  const c = data.contact;
  const [form, setForm] = useState<Form>(
    c ? { contactPhone: c.contactPhone, address: c.address, hours: c.hours, location: c.location } : EMPTY,
  );
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const set = (patch: Partial<Form>) => {
    setDone(null);
    setForm((f) => ({ ...f, ...patch }));
  };

  const pickLocation = () => {
    Taro.chooseLocation({})
      .then((res) => set({ location: { latitude: res.latitude, longitude: res.longitude }, address: form.address || res.address }))
      .catch(() => undefined);
  };

  const save = async () => {
    const bad = problem(form);
    if (bad) return setError(bad);
    setError(null);
    setSaving(true);
    const req: AdminSaveContactRequest = {
      unionId,
      contactPhone: form.contactPhone.trim(),
      address: form.address.trim(),
      hours: form.hours.trim(),
      ...(form.location ?? {}),
    };
    const res = await api.system.adminSaveContact(req);
    setSaving(false);
    if (!res.ok) return setError(res.error.message);
    setDone(`已保存，${res.data.unionName}的会员现在可以在「联系工会」看到`);
  };

  return (
    <View className='card hm-contact'>
      <View className='section-title'>
        <Text>{data.unionName}的联系方式</Text>
      </View>
      {done ? <Text className='hm-done'>{done}</Text> : null}
      {c ? null : <Text className='note'>尚未填写：会员目前看到的是上级工会的联系方式。</Text>}
      <View className='hm-field'>
        <Text className='hm-field__label'>联系电话</Text>
        <Input
          className='hm-field__input hm-phone'
          type='text'
          nativeProps={{ 'aria-label': '联系电话' }}
          placeholder='如 0574-86781234'
          value={form.contactPhone}
          maxlength={20}
          onInput={(e) => set({ contactPhone: e.detail.value })}
        />
      </View>
      <View className='hm-field'>
        <Text className='hm-field__label'>办公地址</Text>
        <Input
          className='hm-field__input hm-address'
          nativeProps={{ 'aria-label': '办公地址' }}
          placeholder='如 北仑区新碶街道明州路 301 号'
          value={form.address}
          maxlength={80}
          onInput={(e) => set({ address: e.detail.value })}
        />
      </View>
      <View className='hm-field'>
        <Text className='hm-field__label'>办公时间</Text>
        <Input
          className='hm-field__input hm-hours'
          nativeProps={{ 'aria-label': '办公时间' }}
          value={form.hours}
          maxlength={60}
          onInput={(e) => set({ hours: e.detail.value })}
        />
      </View>
      <View className='hm-field'>
        <Text className='hm-field__label'>地图位置（选填）</Text>
        <View className='hm-chips'>
          <Text className='hm-chip' onClick={pickLocation}>
            {form.location ? '已选位置，点此重选' : '在地图上选择'}
          </Text>
          {form.location ? (
            <Text className='hm-chip' onClick={() => set({ location: null })}>
              不显示地图
            </Text>
          ) : null}
        </View>
      </View>
      {error ? <Text className='hm-error'>{error}</Text> : null}
      <Button className='hm-btn hm-save' loading={saving} onClick={() => void save()}>
        {saving ? '正在保存…' : '保存'}
      </Button>
    </View>
  );
}
