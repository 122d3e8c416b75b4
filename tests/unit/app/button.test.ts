/**
 * One Button for the whole app (miniprogram/components/Button.tsx). Taro's H5 Button rendered
 * `disabled={false}` as the attribute disabled="false", which Taro's stylesheet paints as a disabled
 * (grey or blank) button; WeChat's `button[disabled]` rules beat page classes too.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buttonClass } from '../../../miniprogram/components/buttonClass';

const ROOT = join(__dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(name) ? [p] : [];
  });
}

test("no page imports Taro's Button: every button goes through components/Button", () => {
  const offenders = sources(join(ROOT, 'miniprogram'))
    .filter((f) => !f.endsWith(join('components', 'Button.tsx')))
    .filter((f) => /import\s*\{[^}]*\bButton\b[^}]*\}\s*from\s*'@tarojs\/components'/.test(readFileSync(f, 'utf8')))
    .map((f) => relative(ROOT, f));
  expect(offenders).toEqual([]);
});

test('the native disabled attribute is never set; a disabled button is marked by class', () => {
  const source = readFileSync(join(ROOT, 'miniprogram/components/Button.tsx'), 'utf8');
  // Props are spread after `disabled` is taken out, and nothing passes `disabled=` to TaroButton.
  expect(source).not.toMatch(/<TaroButton[^>]*\sdisabled=/);
  // Nor `loading`: Taro H5's spinner element breaks React's child order (insertBefore NotFoundError).
  expect(source).not.toMatch(/<TaroButton[^>]*\sloading=/);
  expect(source).toMatch(/disabled: off, loading, className, onClick, children, \.\.\.rest/);
  expect(buttonClass('ct-btn', false)).toBe('ui-btn ct-btn');
  expect(buttonClass('ct-btn', true)).toBe('ui-btn ct-btn ui-btn--disabled');
  expect(buttonClass(undefined, undefined)).toBe('ui-btn');
});
