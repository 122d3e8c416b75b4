/**
 * A windowed list for long feeds on page scroll: only the rows near the viewport are rendered,
 * the rest is two spacers, so 1,000 loaded posts cost what 20 cost. Rows have one fixed height
 * (in the 750px design width, converted with the window width like Taro converts px).
 */
import { View } from '@tarojs/components';
import Taro, { usePageScroll } from '@tarojs/taro';
import { useMemo, useState, type ReactNode } from 'react';

const OVERSCAN_ROWS = 6;

export function VirtualList<T>({
  items,
  rowHeight,
  offsetTop,
  keyOf,
  renderRow,
}: {
  items: T[];
  /** Row height in design px (750 width), margins included. */
  rowHeight: number;
  /** Design px between the page top and the list's first row. */
  offsetTop: number;
  keyOf: (item: T) => string;
  renderRow: (item: T) => ReactNode;
}) {
  const { scale, viewport } = useMemo(() => {
    const info = Taro.getSystemInfoSync();
    return { scale: info.windowWidth / 750, viewport: info.windowHeight };
  }, []);
  const [scrollTop, setScrollTop] = useState(0);
  usePageScroll(({ scrollTop: top }) => setScrollTop(top));

  const row = rowHeight * scale;
  const listTop = offsetTop * scale;
  const first = Math.max(0, Math.floor((scrollTop - listTop) / row) - OVERSCAN_ROWS);
  const last = Math.min(items.length, Math.ceil((scrollTop - listTop + viewport) / row) + OVERSCAN_ROWS);
  return (
    <View>
      <View style={{ height: `${first * row}px` }} />
      {items.slice(first, last).map((item) => (
        <View key={keyOf(item)} style={{ height: `${row}px`, overflow: 'hidden' }}>
          {renderRow(item)}
        </View>
      ))}
      <View style={{ height: `${Math.max(0, items.length - last) * row}px` }} />
    </View>
  );
}
