/**
 * What a form does when a submit finds problems: say so in a toast (the count and the first one)
 * and scroll the first problem field into view, so errors further down a long form are not
 * missed. `selector` must match one element of the current page (e.g. `.field-idNumber`).
 */
import Taro from '@tarojs/taro';

export function revealProblems(problems: { selector: string; message: string }[]): void {
  const first = problems[0];
  if (!first) return;
  const title = problems.length > 1 ? `有 ${problems.length} 处需要修改：${first.message}` : first.message;
  void Taro.showToast({ title, icon: 'none', duration: 2500 });
  // Leave some room above the field for its label.
  void Taro.pageScrollTo({ selector: first.selector, offsetTop: -80, duration: 200 }).catch(() => undefined);
}
