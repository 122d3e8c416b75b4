/**
 * The home page service grid. Data, not markup: when a feature ships, its issue changes `target`
 * here (e.g. `{ kind: 'page', url: '/packages/member/join/index' }`) and nothing else.
 */
import { TAB_PAGES, type EntryTarget } from '../../utils/navigate';

export interface ServiceEntry {
  key: string;
  title: string;
  /** One character drawn in the round badge. */
  glyph: string;
  /** Badge background (CSS gradient or color). */
  tint: string;
  target: EntryTarget;
}

export const SERVICE_GRID: ServiceEntry[] = [
  {
    key: 'join',
    title: '入会',
    glyph: '入',
    tint: 'linear-gradient(135deg, #ff5a4e, #d7000f)',
    // The join page shows the application's progress, or 「您已是会员」, when there is one.
    target: { kind: 'page', url: '/packages/member/join/index' },
  },
  {
    key: 'card',
    title: '会员卡',
    glyph: '卡',
    tint: 'linear-gradient(135deg, #ffb347, #ff7a00)',
    target: { kind: 'page', url: '/packages/member/card/index' },
  },
  {
    key: 'friday',
    title: '周五福利',
    glyph: '福',
    tint: 'linear-gradient(135deg, #ff7b7b, #e8382f)',
    target: { kind: 'tab', url: TAB_PAGES.benefits },
  },
  { key: 'camp', title: '暑托班', glyph: '托', tint: 'linear-gradient(135deg, #5cc8ff, #1f8ef1)', target: { kind: 'page', url: '/packages/daycare/index/index' } },
  {
    key: 'recuperation',
    title: '疗休养',
    glyph: '疗',
    tint: 'linear-gradient(135deg, #6edb9a, #17a85a)',
    target: { kind: 'page', url: '/packages/recuperation/index/index' },
  },
  {
    key: 'activities',
    title: '活动',
    glyph: '活',
    tint: 'linear-gradient(135deg, #b18cff, #7a4fe0)',
    target: { kind: 'tab', url: TAB_PAGES.activities },
  },
];
