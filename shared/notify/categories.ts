/** Categories of in-app notices (消息) with their Chinese labels. */
export const NOTICE_CATEGORIES = {
  membership: '入会',
  benefit: '福利',
  daycare: '暑托班',
  recuperation: '疗休养',
  activity: '活动',
  system: '系统',
} as const;
export type NoticeCategoryName = keyof typeof NOTICE_CATEGORIES;

export function categoryLabel(category: string): string {
  return (NOTICE_CATEGORIES as Record<string, string>)[category] ?? '通知';
}
