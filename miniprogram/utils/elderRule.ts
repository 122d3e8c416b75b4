/**
 * 长辈模式 decision (pure, for tests): the member's own choice wins; without one, it is on when
 * WeChat's font setting is large (关怀模式 or 大字体 report fontSizeScaleFactor ≥ 1.25; the
 * standard size is 1).
 */
export type ElderChoice = 'on' | 'off' | null;

export const ELDER_AUTO_SCALE = 1.25;

export function elderModeOn(choice: ElderChoice, fontSizeScaleFactor: number | undefined): boolean {
  if (choice === 'on') return true;
  if (choice === 'off') return false;
  return typeof fontSizeScaleFactor === 'number' && fontSizeScaleFactor >= ELDER_AUTO_SCALE;
}
