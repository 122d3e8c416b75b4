/** 兑换地点 fields of 发布福利 (see ./venueForm.ts for what is required). */
import { Input, Text, View } from '@tarojs/components';
import type { VenueForm } from './venueForm';

const FIELDS: Array<{ key: keyof VenueForm; label: string; placeholder: string; type?: 'digit' }> = [
  { key: 'name', label: '兑换地点', placeholder: '如：北仑区职工服务中心' },
  { key: 'address', label: '地址', placeholder: '如：北仑区明州路 600 号一楼' },
  { key: 'hours', label: '营业时间', placeholder: '如：周一至周五 9:00–17:00' },
  { key: 'phone', label: '联系电话', placeholder: '选填，如：0574-86881234' },
  { key: 'lat', label: '纬度', placeholder: '选填，如：29.9003', type: 'digit' },
  { key: 'lng', label: '经度', placeholder: '选填，如：121.8447', type: 'digit' },
];

export default function VenueFields({ value, onChange }: { value: VenueForm; onChange: (v: VenueForm) => void }) {
  return (
    <View className='bf-venue'>
      <Text className='bf-venue__title'>兑换地点（流量、话费等线上发放的可不填）</Text>
      {FIELDS.map((f) => (
        <View key={f.key} className='bf-field'>
          <Text className='bf-field__label'>{f.label}</Text>
          <Input
            className='bf-field__input'
            name={`venue-${f.key}`}
            nativeProps={{ 'aria-label': f.label }}
            type={f.type ?? 'text'}
            placeholder={f.placeholder}
            value={value[f.key]}
            maxlength={f.key === 'address' ? 80 : 40}
            onInput={(e) => onChange({ ...value, [f.key]: e.detail.value })}
          />
        </View>
      ))}
      <Text className='note'>填了纬度、经度，会员可一键打开地图导航；不填则提供“复制地址”。坐标可在腾讯地图或高德地图中长按地点获得。</Text>
    </View>
  );
}
