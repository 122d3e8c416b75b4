/**
 * 长辈模式 (elder-friendly mode, MIIT 适老化): larger text and tap targets, more line spacing,
 * no pop-up promotions. Each page root carries the class `elder` while it is on (`elderClass()`),
 * and app.css restyles everything under it, so it works the same in the weapp (no global root
 * element there) and in H5. The choice is kept on the phone (storage); switching it relaunches
 * the current tab so every page renders again with the new class.
 */
import Taro from '@tarojs/taro';
import { elderModeOn, type ElderChoice } from './elderRule';

const KEY = 'elderMode';

let cached: boolean | null = null;

function fontScale(): number | undefined {
  try {
    const info = Taro.getAppBaseInfo?.() as { fontSizeScaleFactor?: number } | undefined;
    return info?.fontSizeScaleFactor;
  } catch {
    return undefined;
  }
}

export function elderChoice(): ElderChoice {
  try {
    const v = Taro.getStorageSync(KEY) as unknown;
    return v === 'on' || v === 'off' ? v : null;
  } catch {
    return null;
  }
}

export function isElderMode(): boolean {
  if (cached === null) cached = elderModeOn(elderChoice(), fontScale());
  return cached;
}

/** ' elder' while 长辈模式 is on (append to a page root's class list), else ''. */
export function elderClass(): string {
  return isElderMode() ? ' elder' : '';
}

/** Whether WeChat's own font setting would turn it on (shown next to the switch). */
export function largeSystemFont(): boolean {
  return elderModeOn(null, fontScale());
}

export function setElderMode(on: boolean, relaunchTo: string): void {
  Taro.setStorageSync(KEY, on ? 'on' : 'off');
  cached = on;
  if (process.env.TARO_ENV === 'h5') document.documentElement.classList.toggle('elder', on);
  void Taro.reLaunch({ url: relaunchTo });
}

/** H5: the class on <html> too, for what lives outside the pages (the demo's 切换身份 sheet, toasts). */
export function applyElderToDocument(): void {
  if (process.env.TARO_ENV === 'h5') document.documentElement.classList.toggle('elder', isElderMode());
}
