/** Chips to pick one of the admin's grassroots units (from adminUnits). */
import { Text, View } from '@tarojs/components';
import type { UnitView } from '../../../../shared/recuperation/schemas';

export default function UnitPicker({ units, value, onChange }: { units: UnitView[]; value: string; onChange: (id: string) => void }) {
  return (
    <View className='rc-chips'>
      {units.map((u) => (
        <Text key={u.unit.id} className={`rc-chip ${u.unit.id === value ? 'rc-chip--on' : ''}`} onClick={() => onChange(u.unit.id)}>
          {u.unit.name}
          {u.configured ? '' : '（未设置）'}
        </Text>
      ))}
    </View>
  );
}
