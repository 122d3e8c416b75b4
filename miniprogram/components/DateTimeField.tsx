/**
 * A date (and optionally time) chosen with WeChat's own pickers instead of typed text. The value
 * is Beijing time as text: 'YYYY-MM-DD HH:mm' (or 'YYYY-MM-DD' with `dateOnly`), '' when empty.
 */
import { Picker, Text, View } from '@tarojs/components';
import './DateTimeField.css';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  dateOnly?: boolean;
  /** Offer 清除 (for optional fields). */
  optional?: boolean;
  /** Extra class on the field (e.g. `field-startAt`, for scrolling to a problem). */
  className?: string;
  /** Earliest / latest selectable date, 'YYYY-MM-DD'. */
  start?: string;
  end?: string;
}

export function DateTimeField({ label, value, onChange, dateOnly, optional, className, start, end }: Props) {
  const [date = '', time = ''] = value.split(' ');
  const setDate = (d: string) => onChange(dateOnly ? d : `${d} ${time || '09:00'}`);
  const setTime = (t: string) => onChange(`${date} ${t}`);
  return (
    <View className={`dt-field ${className ?? ''}`}>
      <Text className='dt-field__label'>{label}</Text>
      <View className='dt-field__row'>
        <Picker mode='date' value={date} start={start} end={end} onChange={(e) => setDate(String(e.detail.value))}>
          <View className='dt-field__box'>{date || '选择日期'}</View>
        </Picker>
        {dateOnly ? null : (
          <Picker mode='time' value={time || '09:00'} disabled={!date} onChange={(e) => setTime(String(e.detail.value))}>
            <View className={`dt-field__box ${date ? '' : 'dt-field__box--off'}`}>{time || '选择时间'}</View>
          </Picker>
        )}
        {optional && value ? (
          <Text className='dt-field__clear' onClick={() => onChange('')}>
            清除
          </Text>
        ) : null}
      </View>
    </View>
  );
}
