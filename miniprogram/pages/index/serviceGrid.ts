/**
 * The home page service grid. Data, not markup: when a feature ships, its issue changes `target`
 * here (e.g. `{ kind: 'page', url: '/packages/member/join/index' }`) and nothing else.
 */
import { TAB_PAGES, type EntryTarget } from '../../utils/navigate';
// Drawn by scripts/gen-grid-icons.ts (white on transparent, laid on the badge's tint).
import joinIcon from '../../assets/grid/join.png';
import cardIcon from '../../assets/grid/card.png';
import fridayIcon from '../../assets/grid/friday.png';
import campIcon from '../../assets/grid/camp.png';
import recuperationIcon from '../../assets/grid/recuperation.png';
import activitiesIcon from '../../assets/grid/activities.png';
import faqIcon from '../../assets/grid/faq.png';
import contactIcon from '../../assets/grid/contact.png';

export interface ServiceEntry {
  key: string;
  title: string;
  /** The icon drawn in the round badge (an inlined PNG). */
  icon: string;
  /** Badge background (CSS gradient or color). */
  tint: string;
  target: EntryTarget;
}

export const SERVICE_GRID: ServiceEntry[] = [
  {
    key: 'join',
    title: '入会',
    icon: joinIcon,
    tint: 'linear-gradient(135deg, #ff5a4e, #d7000f)',
    // The join page shows the application's progress, or 「您已是会员」, when there is one.
    target: { kind: 'page', url: '/packages/member/join/index' },
  },
  {
    key: 'card',
    title: '会员卡',
    icon: cardIcon,
    tint: 'linear-gradient(135deg, #ffb347, #ff7a00)',
    target: { kind: 'page', url: '/packages/member/card/index' },
  },
  {
    key: 'friday',
    title: '周五福利',
    icon: fridayIcon,
    tint: 'linear-gradient(135deg, #ff7b7b, #e8382f)',
    target: { kind: 'tab', url: TAB_PAGES.benefits },
  },
  {
    key: 'camp',
    title: '暑托班',
    icon: campIcon,
    tint: 'linear-gradient(135deg, #5cc8ff, #1f8ef1)',
    target: { kind: 'page', url: '/packages/daycare/index/index' },
  },
  {
    key: 'recuperation',
    title: '疗休养',
    icon: recuperationIcon,
    tint: 'linear-gradient(135deg, #6edb9a, #17a85a)',
    target: { kind: 'page', url: '/packages/recuperation/index/index' },
  },
  {
    key: 'activities',
    title: '活动',
    icon: activitiesIcon,
    tint: 'linear-gradient(135deg, #b18cff, #7a4fe0)',
    target: { kind: 'tab', url: TAB_PAGES.activities },
  },
  {
    key: 'faq',
    title: '常见问题',
    icon: faqIcon,
    tint: 'linear-gradient(135deg, #7fa7ff, #3d6be0)',
    target: { kind: 'page', url: '/packages/help/faq/index' },
  },
  {
    key: 'contact',
    title: '联系工会',
    icon: contactIcon,
    tint: 'linear-gradient(135deg, #ffc46b, #e08a00)',
    target: { kind: 'page', url: '/packages/help/contact/index' },
  },
];
