/** The class list of components/Button (pure, so tests can import it without Taro). */
export function buttonClass(className: string | undefined, disabled: boolean | undefined): string {
  return ['ui-btn', className, disabled ? 'ui-btn--disabled' : ''].filter(Boolean).join(' ');
}
