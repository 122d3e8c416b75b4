/**
 * 如何验证: the technical proof of a fair draw (seed commitment, seed, a record's number) kept
 * one tap away instead of in the main view, with a plain-words explanation first. People see
 * what happened; whoever wants to check it opens this.
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import './VerifyDetails.css';

export interface VerifyItem {
  label: string;
  value: string;
}

export function VerifyDetails({ explain, items }: { explain: string; items: VerifyItem[] }) {
  const [open, setOpen] = useState(false);
  if (items.length === 0) return null;
  return (
    <View className='verify'>
      <Text className='verify__toggle' onClick={() => setOpen(!open)}>
        {open ? '收起' : '如何验证 ›'}
      </Text>
      {open ? (
        <View className='verify__body'>
          <Text className='verify__explain'>{explain}</Text>
          {items.map((it) => (
            <View key={it.label} className='verify__item'>
              <Text className='verify__label'>{it.label}</Text>
              <Text className='verify__value' userSelect>
                {it.value}
              </Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
