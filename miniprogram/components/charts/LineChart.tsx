/** Line / area chart over ordered x labels (minutes, days). One or several series. */
import { useMemo } from 'react';
import { Area, Axis, Chart, Line, Point, Tooltip } from '@antv/f2';
import { ChartFrame } from './ChartFrame';
import { ChartSurface } from './ChartSurface';
import { AXIS_LABEL, CATEGORY_AXIS_STYLE, TOOLTIP_STYLE, VALUE_AXIS_STYLE, h } from './f2';
import { CHART_COLORS, colorAt, formatCount } from './theme';
import type { LineChartProps } from './types';
import { countTicks } from './ticks';

const SINGLE = '__single__';

export function LineChart({
  data,
  yLabel = '数量',
  height = 240,
  area = false,
  color,
  formatY = formatCount,
  maxXTicks = 5,
  emptyText = '暂无数据',
  className,
}: LineChartProps) {
  const seriesNames = useMemo(() => [...new Set(data.map((p) => p.series ?? SINGLE))], [data]);
  const multi = seriesNames.length > 1 || (seriesNames[0] !== undefined && seriesNames[0] !== SINGLE);
  const colors = useMemo(() => (multi ? seriesNames.map((_, i) => colorAt(i)) : [color ?? CHART_COLORS[0]]), [multi, seriesNames, color]);

  const element = useMemo(() => {
    const rows = data.filter((p) => Number.isFinite(p.y)).map((p) => ({ x: p.x, y: p.y, series: p.series ?? SINGLE }));
    const xCount = new Set(rows.map((r) => r.x)).size;
    const colorProp = multi ? { field: 'series', range: colors } : colors[0];
    const ticks = countTicks(Math.max(0, ...rows.map((r) => r.y)));
    const geometry = { x: 'x', y: 'y', color: colorProp };
    return h(
      Chart,
      {
        data: rows,
        scale: {
          x: { type: 'cat', range: xCount > 1 ? [0, 1] : [0.5, 0.5], tickCount: Math.min(xCount, maxXTicks) },
          // With several lines the tooltip names each by its series; one line goes by yLabel.
          y: { min: 0, max: ticks[ticks.length - 1], ticks, alias: multi ? undefined : yLabel, formatter: formatY },
          series: { type: 'cat', values: seriesNames },
        },
      },
      h(Axis, { field: 'x', style: CATEGORY_AXIS_STYLE }),
      h(Axis, { field: 'y', formatter: formatY, style: VALUE_AXIS_STYLE }),
      area ? h(Area, { ...geometry, style: { fillOpacity: multi ? 0.08 : 0.15 } }) : null,
      h(Line, { ...geometry, style: { lineWidth: 2 } }),
      // A lone point draws no line: show it as a dot.
      xCount === 1 ? h(Point, { ...geometry, size: 4 }) : null,
      h(Tooltip, { ...TOOLTIP_STYLE, showItemMarker: multi, xTipTextStyle: AXIS_LABEL }),
    );
  }, [data, yLabel, multi, seriesNames, colors, area, formatY, maxXTicks]);

  const legend = multi ? seriesNames.map((name, i) => ({ name, color: colors[i] })) : [];
  const points = data.filter((p) => Number.isFinite(p.y));
  return (
    <ChartFrame yLabel={yLabel} legend={legend} empty={points.length === 0} emptyText={emptyText} height={height} className={className}>
      <ChartSurface element={element} height={height} label={`${yLabel}折线图，共 ${points.length} 个数据点`} />
    </ChartFrame>
  );
}
