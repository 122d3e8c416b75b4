/**
 * The one button every page uses (a test forbids importing Taro's Button anywhere else).
 *
 * Why not Taro's Button directly: in H5 it is the custom element `taro-button-core`, and React
 * renders a boolean prop on a custom element as an attribute, so `disabled={false}` becomes
 * `disabled="false"`. Taro's H5 stylesheet styles `taro-button-core[disabled]` (any value) with
 * white or 30%-black text on a light grey background and higher specificity than a page class:
 * enabled buttons looked disabled or blank. WeChat's built-in `button[disabled]` rules beat a page
 * class the same way. So the native `disabled` attribute is never set: this component swallows
 * taps itself and marks the button `ui-btn--disabled` (styled in app.css) and `aria-disabled`.
 *
 * `loading` is not passed on either: Taro's H5 Button then inserts its own spinner element among
 * the children React manages, and React's next update fails with `insertBefore` NotFoundError
 * (seen on 抢 / 已抢完, the picture upload and the 撤回 panel). A loading button is a disabled
 * one with the class `ui-btn--loading`; pages say what is happening in the label.
 */
import { Button as TaroButton } from '@tarojs/components';
import type { ButtonProps } from '@tarojs/components';
import type { ITouchEvent } from '@tarojs/components/types/common';
import { buttonClass } from './buttonClass';

export type UiButtonProps = Omit<ButtonProps, 'disabled' | 'loading'> & { disabled?: boolean; loading?: boolean };

export function Button({ disabled: off, loading, className, onClick, children, ...rest }: UiButtonProps) {
  const disabled = off || loading;
  const handleClick = (e: ITouchEvent) => {
    if (disabled) {
      e.stopPropagation?.();
      return;
    }
    onClick?.(e);
  };
  return (
    <TaroButton
      {...rest}
      className={`${buttonClass(className, disabled)}${loading ? ' ui-btn--loading' : ''}`}
      {...ariaDisabled(disabled)}
      onClick={handleClick}
    >
      {children}
    </TaroButton>
  );
}

/** `aria-disabled` is not in Taro's prop types; screen readers (and axe) read it in H5. */
function ariaDisabled(disabled: boolean | undefined): Record<string, string> {
  return disabled ? { 'aria-disabled': 'true' } : {};
}
