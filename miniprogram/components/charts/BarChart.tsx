/** Bar chart: one bar per category, or grouped (side by side) bars for several series. */
import { useMemo } from 'react';
import { Axis, Chart, Interval, Tooltip } from '@antv/f2';
import { ChartFrame } from './ChartFrame';
import { ChartSurface } from './ChartSurface';
import { CATEGORY_AXIS_STYLE, TOOLTIP_STYLE, VALUE_AXIS_STYLE, h } from './f2';
import { colorAt, formatCount, shorten } from './theme';
import { countTicks } from './ticks';
import type { BarChartProps } from './types';

/** Horizontal bars: each category row needs room for its bars plus a gap. */
function autoHeight(categories: number, series: number): number {
  return Math.max(160, categories * (20 + 14 * Math.max(1, series)));
}

export function BarChart({
  categories,
  series,
  yLabel = '数量',
  height,
  horizontal = false,
  formatY = formatCount,
  maxLabelLength,
  emptyText = '暂无数据',
  className,
}: BarChartProps) {
  const colors = useMemo(() => series.map((s, i) => s.color ?? colorAt(i)), [series]);
  // Rows group by series in data order, and a transposed dodge stacks a group's bars bottom-up:
  // feed horizontal charts the series reversed so the first series is the top bar, as in the legend.
  // Colours follow the series scale below, not the row order.
  const rows = useMemo(
    () =>
      (horizontal ? [...series].reverse() : series).flatMap((s) =>
        categories.flatMap((category, i) => {
          const value = s.data[i];
          return Number.isFinite(value) ? [{ category, value, series: s.name }] : [];
        }),
      ),
    [categories, series, horizontal],
  );
  const multi = series.length > 1;
  const labelMax = maxLabelLength ?? (horizontal ? 8 : 6);
  const chartHeight = height ?? (horizontal ? autoHeight(categories.length, series.length) : 240);

  const element = useMemo(() => {
    const colorProp = multi ? { field: 'series', range: colors } : colors[0];
    const ticks = countTicks(Math.max(0, ...rows.map((r) => r.value)));
    return h(
      Chart,
      {
        data: rows,
        coord: horizontal ? { transposed: true } : undefined,
        scale: {
          // Transposed bars grow upwards from the first value: reverse so the first category is on top.
          category: { type: 'cat', values: horizontal ? [...categories].reverse() : categories },
          // With several series the tooltip names each bar by its series; one series goes by yLabel.
          value: { min: 0, max: ticks[ticks.length - 1], ticks, alias: multi ? undefined : yLabel, formatter: formatY },
          series: { type: 'cat', values: series.map((s) => s.name) },
        },
      },
      h(Axis, {
        field: 'category',
        formatter: (label: string) => shorten(String(label), labelMax),
        style: CATEGORY_AXIS_STYLE,
      }),
      h(Axis, { field: 'value', formatter: formatY, style: VALUE_AXIS_STYLE }),
      h(Interval, {
        x: 'category',
        y: 'value',
        color: colorProp,
        adjust: multi ? { type: 'dodge', marginRatio: 0.08 } : undefined,
        style: { radius: horizontal ? [0, 3, 3, 0] : [3, 3, 0, 0] },
      }),
      h(Tooltip, { ...TOOLTIP_STYLE, showCrosshairs: false, showItemMarker: multi }),
    );
  }, [rows, categories, series, horizontal, multi, colors, yLabel, formatY, labelMax]);

  return (
    <ChartFrame
      yLabel={yLabel}
      legend={series.map((s, i) => ({ name: s.name, color: colors[i] }))}
      empty={categories.length === 0 || rows.length === 0}
      emptyText={emptyText}
      height={chartHeight}
      className={className}
    >
      <ChartSurface
        element={element}
        height={chartHeight}
        label={`${yLabel}柱状图：${categories.length} 个类目，${series.map((s) => s.name).join('、')}`}
      />
    </ChartFrame>
  );
}
