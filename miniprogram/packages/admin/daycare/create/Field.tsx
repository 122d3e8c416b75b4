import { Input, Text, View } from '@tarojs/components';

export function Field({
  label,
  value,
  onChange,
  placeholder,
  type,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  placeholder?: string;
  type?: 'number' | 'text';
}) {
  return (
    <View className='dc-field'>
      <Text className='dc-label'>{label}</Text>
      <Input
        className='dc-input'
        nativeProps={{ 'aria-label': label }}
        value={value}
        placeholder={placeholder}
        type={type ?? 'text'}
        onInput={(e) => onChange(e.detail.value)}
      />
    </View>
  );
}

export function Chips<T extends string>({ options, value, onChange }: { options: Array<[T, string]>; value: T; onChange: (v: T) => void }) {
  return (
    <View className='dc-chips'>
      {options.map(([k, label]) => (
        <Text key={k} className={`dc-chip ${value === k ? 'dc-chip--on' : ''}`} onClick={() => onChange(k)}>
          {label}
        </Text>
      ))}
    </View>
  );
}
