/**
 * Shared charts for admin figures (AntV F2 on a Taro Canvas 2D; weapp and H5). Import only from
 * subpackage pages (`packages/**`) so F2 stays out of the main package. Usage: ./README.md.
 */
export { LineChart } from './LineChart';
export { BarChart } from './BarChart';
export { CHART_COLORS, formatCount } from './theme';
export type { BarChartProps, BarSeries, LineChartProps, LinePoint } from './types';
