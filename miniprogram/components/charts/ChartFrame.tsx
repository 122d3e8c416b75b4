/** The card around every chart: the unit caption, the legend (HTML, so it wraps), the empty state. */
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './charts.css';

export interface LegendItem {
  name: string;
  color: string;
}

interface FrameProps {
  yLabel: string;
  legend: LegendItem[];
  empty: boolean;
  emptyText: string;
  height: number;
  className?: string;
  children: ReactNode;
}

export function ChartFrame({ yLabel, legend, empty, emptyText, height, className, children }: FrameProps) {
  return (
    <View className={`chart ${className ?? ''}`.trim()}>
      <View className='chart__head'>
        <Text className='chart__unit'>单位：{yLabel}</Text>
        {legend.length > 1 ? (
          <View className='chart__legend'>
            {legend.map((item) => (
              <View key={item.name} className='chart__legend-item'>
                <View className='chart__swatch' style={{ background: item.color }} />
                <Text>{item.name}</Text>
              </View>
            ))}
          </View>
        ) : null}
      </View>
      {empty ? (
        <View className='chart__empty' style={{ height: `${height}px` }}>
          <Text>{emptyText}</Text>
        </View>
      ) : (
        children
      )}
    </View>
  );
}
