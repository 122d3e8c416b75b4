/** The phone the harness pretends to be: an iPhone-13-sized window at pixel ratio 2. */
export const WINDOW = {
  pixelRatio: 2,
  screenWidth: 375,
  screenHeight: 812,
  windowWidth: 375,
  windowHeight: 728,
  statusBarHeight: 44,
  screenTop: 0,
};
export const SAFE_AREA = { left: 0, right: 375, top: 44, bottom: 778, width: 375, height: 734 };

/**
 * When a test runs the phone's timers fake (jest.useFakeTimers), waiting in real time moves them
 * too, a little per poll, so renders scheduled with setTimeout still happen.
 */
export function pumpFakeTimers(ms = 10): void {
  const fake = (globalThis.setTimeout as unknown as { clock?: unknown }).clock !== undefined;
  if (fake) jest.advanceTimersByTime(ms);
}
