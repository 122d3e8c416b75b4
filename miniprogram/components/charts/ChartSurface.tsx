/**
 * The platform glue between a Taro `<Canvas type="2d">` and an F2 chart, identical in weapp and H5:
 * select the node with `createSelectorQuery().fields({ node, size })`, take its 2d context, hand it to
 * F2's `Canvas`. Only the differences the platforms force are branched on `TARO_ENV`.
 */
import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Canvas as TaroCanvas } from '@tarojs/components';
import type { CanvasTouchEvent } from '@tarojs/components';
import { Canvas as F2Canvas, type CanvasProps } from '@antv/f2';
import type { ChartElement } from './types';
import { CHART_FONT } from './theme';

interface SurfaceProps {
  /** What to draw: a tree built with F2's `jsx` (see LineChart / BarChart). */
  element: ChartElement;
  /** CSS pixels. */
  height: number;
  /** Read by screen readers and by tests: what the figure shows. */
  label: string;
}

interface CanvasNode {
  width: number;
  height: number;
  getContext(type: '2d'): CanvasRenderingContext2D;
  requestAnimationFrame?(cb: () => void): number;
  cancelAnimationFrame?(id: number): void;
  createImage?(): HTMLImageElement;
}

/** F2 accepts these at runtime (they go straight to G's Canvas) but its typings omit them. */
type SurfaceCanvasProps = CanvasProps & {
  requestAnimationFrame?: (cb: () => void) => number;
  cancelAnimationFrame?: (id: number) => void;
  isTouchEvent?: (e: { type: string }) => boolean;
  isMouseEvent?: (e: { type: string }) => boolean;
};

type F2Instance = InstanceType<typeof F2Canvas>;

let sequence = 0;

/** How long to wait for a laid-out canvas: 40 × 50 ms = 2 s. */
const MAX_MEASURE_ATTEMPTS = 40;
const MEASURE_RETRY_MS = 50;

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

/**
 * H5: without `width`/`height` props, Taro's <taro-canvas-core> copies its computed size into those
 * (mutable) props on first render, which schedules another render that assigns `canvas.width` again —
 * wiping the bitmap if F2 has drawn by then. Giving both props up front skips that path; F2 then owns
 * the backing size (the CSS size stays 100%). weapp has no such props: a 2d node is sized by
 * `node.width/height`.
 */
const H5_FIXED_BACKING = process.env.TARO_ENV === 'h5' ? { width: '1', height: '1' } : {};

function pixelRatio(): number {
  if (process.env.TARO_ENV === 'h5') return window.devicePixelRatio || 1;
  return Taro.getWindowInfo().pixelRatio || 2;
}

/**
 * Text measuring: G measures labels on an offscreen canvas. In weapp there is neither
 * `window.OffscreenCanvas` nor a DOM canvas (Taro's `document` is a virtual DOM), so give it WeChat's.
 */
function offscreenCanvas(): CanvasProps['offscreenCanvas'] {
  if (!IS_WEAPP) return undefined;
  return Taro.createOffscreenCanvas({ type: '2d', width: 10, height: 10 }) as unknown as CanvasProps['offscreenCanvas'];
}

/** WeChat canvas touches carry canvas-relative x/y; G reads clientX/clientY against a rect at 0,0. */
function toCanvasTouchEvent(e: CanvasTouchEvent) {
  const raw = (e as CanvasTouchEvent & { mpEvent?: CanvasTouchEvent }).mpEvent ?? e;
  const relative = (list: ArrayLike<unknown> | undefined) =>
    Array.from(list ?? [], (t) => {
      const touch = t as { x?: number; y?: number; clientX?: number; clientY?: number };
      return { ...touch, clientX: touch.x ?? touch.clientX, clientY: touch.y ?? touch.clientY };
    });
  return {
    type: raw.type,
    timeStamp: raw.timeStamp,
    touches: relative(raw.touches),
    changedTouches: relative(raw.changedTouches),
    preventDefault() {},
    stopPropagation() {},
  };
}

export function ChartSurface({ element, height, label }: SurfaceProps) {
  const [id] = useState(() => `union-chart-${++sequence}`);
  const chart = useRef<F2Instance | null>(null);
  const baseProps = useRef<SurfaceCanvasProps | null>(null);
  const latest = useRef(element);
  latest.current = element;

  // Create once the node exists and has been laid out. Taro.nextTick waits for the page's pending
  // setData in weapp; a page that is still hidden (H5 route transition) measures 0 wide, so retry.
  useEffect(() => {
    let disposed = false;
    let attempts = 0;
    const create = (node: CanvasNode, width: number) => {
      const dpr = pixelRatio();
      node.width = width * dpr;
      node.height = height * dpr;
      const props: SurfaceCanvasProps = {
        context: node.getContext('2d'),
        width,
        height,
        pixelRatio: dpr,
        animate: false,
        // Room on the right for the last x label / value label, which F2 centres on the plot's edge.
        style: { padding: [0, 14, 0, 0] },
        theme: { fontFamily: CHART_FONT },
        offscreenCanvas: offscreenCanvas(),
        createImage: node.createImage ? () => node.createImage!() : undefined,
        requestAnimationFrame: node.requestAnimationFrame ? (cb) => node.requestAnimationFrame!(cb) : undefined,
        cancelAnimationFrame: node.cancelAnimationFrame ? (n) => node.cancelAnimationFrame!(n) : undefined,
        // G's defaults use `instanceof TouchEvent`, which throws where TouchEvent is undefined (weapp).
        isTouchEvent: (e) => e.type.startsWith('touch'),
        isMouseEvent: (e) => e.type.startsWith('mouse'),
      };
      baseProps.current = props;
      const instance = new F2Canvas({ ...props, children: latest.current });
      chart.current = instance;
      void instance.render();
    };
    // `fields({ node, size })` is WeChat's documented call; Taro's H5 version returns the <canvas> node but
    // no size, so the same element's boundingClientRect is asked for too (both platforms support it).
    const measure = () => {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .select(`#${id}`)
        .boundingClientRect()
        .exec((res: Array<{ node?: CanvasNode; width?: number } | null>) => {
          if (disposed) return;
          const node = res?.[0]?.node;
          const width = Math.round(res?.[0]?.width || res?.[1]?.width || 0);
          if (node && width > 0) {
            create(node, width);
          } else if (++attempts < MAX_MEASURE_ATTEMPTS) {
            setTimeout(measure, MEASURE_RETRY_MS);
          }
        });
    };
    Taro.nextTick(measure);
    return () => {
      disposed = true;
      chart.current?.destroy();
      chart.current = null;
    };
  }, [id, height]);

  // New data: update in place (F2 diffs the tree) instead of rebuilding the canvas.
  useEffect(() => {
    if (chart.current && baseProps.current) void chart.current.update({ ...baseProps.current, children: element });
  }, [element]);

  // weapp: the 2d node does not dispatch DOM events, so forward touches for the tooltip. In H5 the real
  // <canvas> already receives them.
  const forward = IS_WEAPP
    ? (e: CanvasTouchEvent) => {
        const el = chart.current?.getCanvasEl() as unknown as { dispatchEvent?: (ev: unknown) => void } | undefined;
        el?.dispatchEvent?.(toCanvasTouchEvent(e));
      }
    : undefined;

  return (
    <TaroCanvas
      type='2d'
      id={id}
      {...H5_FIXED_BACKING}
      className='chart__canvas'
      style={{ width: '100%', height: `${height}px` }}
      aria-label={label}
      onTouchStart={forward}
      onTouchMove={forward}
      onTouchEnd={forward}
    />
  );
}
