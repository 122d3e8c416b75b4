import type { jsx } from '@antv/f2';

/** A tree of F2 components built with F2's `jsx` (F2 has its own element type, not React's). */
export type ChartElement = ReturnType<typeof jsx>;

/** One point of a line. Points with the same `series` form one line; order them by x. */
export interface LinePoint {
  x: string;
  y: number;
  series?: string;
}

export interface BarSeries {
  name: string;
  /** `data[i]` belongs to `categories[i]`. */
  data: number[];
  color?: string;
}

interface CommonProps {
  /** What the numbers count, in Chinese (shown as the unit caption and in the tooltip). Default '数量'. */
  yLabel?: string;
  /** Height in CSS px; the width fills the parent. */
  height?: number;
  /** Number format for the value axis and tooltip. Default `formatCount`. */
  formatY?: (value: number) => string;
  /** Shown instead of the chart when there is nothing to draw. Default '暂无数据'. */
  emptyText?: string;
  className?: string;
}

export interface LineChartProps extends CommonProps {
  data: LinePoint[];
  /** Fill under the line (area chart). */
  area?: boolean;
  /** Colour of a single line; several lines take the theme colours in order. */
  color?: string;
  /** At most this many x-axis labels (minute-by-minute data has many points). Default 5. */
  maxXTicks?: number;
}

export interface BarChartProps extends CommonProps {
  categories: string[];
  series: BarSeries[];
  /** Bars grow to the right, categories on the left: for long names (post titles, unions). */
  horizontal?: boolean;
  /** Category labels longer than this are cut with "…". Default 6 (horizontal: 8). */
  maxLabelLength?: number;
}
