/** 长辈模式: the member's choice wins; without one it follows WeChat's large-font setting. */
import { ELDER_AUTO_SCALE, elderModeOn } from '../../../miniprogram/utils/elderRule';

test('without a choice it turns on by itself when WeChat reports a large font', () => {
  expect(elderModeOn(null, undefined)).toBe(false);
  expect(elderModeOn(null, 1)).toBe(false);
  expect(elderModeOn(null, 1.12)).toBe(false);
  expect(elderModeOn(null, ELDER_AUTO_SCALE)).toBe(true);
  expect(elderModeOn(null, 1.4)).toBe(true);
});

test("the member's own switch overrides the font setting either way", () => {
  expect(elderModeOn('on', 1)).toBe(true);
  expect(elderModeOn('off', 1.4)).toBe(false);
});
