import Taro from '@tarojs/taro';

/** Where a tappable entry leads. Features not built yet say so instead of pretending. */
export type EntryTarget = { kind: 'tab'; url: string } | { kind: 'page'; url: string } | { kind: 'soon' };

export const TAB_PAGES = {
  home: '/pages/index/index',
  benefits: '/pages/benefits/index',
  activities: '/pages/activities/index',
  mine: '/pages/mine/index',
} as const;

export function openTarget(target: EntryTarget): void {
  switch (target.kind) {
    case 'tab':
      void Taro.switchTab({ url: target.url });
      return;
    case 'page':
      void Taro.navigateTo({ url: target.url });
      return;
    case 'soon':
      void Taro.showToast({ title: '即将开放', icon: 'none' });
      return;
  }
}
