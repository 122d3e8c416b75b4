/** F2's element factory, typed loosely on purpose: F2 props are checked by the chart wrappers' own types. */
import { jsx } from '@antv/f2';
import type { ChartElement } from './types';
import { CHART_INK } from './theme';

export const h = jsx as unknown as (type: unknown, props: Record<string, unknown> | null, ...children: unknown[]) => ChartElement;

/** Axis styling shared by both charts: light grid, grey 11px labels. */
export const AXIS_LABEL = { fill: CHART_INK.label, fontSize: 11 };
export const VALUE_AXIS_STYLE = {
  label: AXIS_LABEL,
  grid: { stroke: CHART_INK.grid, lineWidth: 1, lineDash: null },
};
export const CATEGORY_AXIS_STYLE = {
  label: AXIS_LABEL,
  line: { stroke: CHART_INK.line, lineWidth: 1 },
};
export const TOOLTIP_STYLE = {
  showCrosshairs: true,
  crosshairsType: 'x',
  background: { radius: 4, fill: '#1f1f24', fillOpacity: 0.9, padding: [6, 8] },
  nameStyle: { fill: '#ffffff', fontSize: 12 },
  valueStyle: { fill: '#ffffff', fontSize: 12 },
};
