/** Membership admin pages (registered under packages/admin in app.config.ts subPackages). */
export const ADMIN_MEMBER_PAGES = {
  review: '/packages/admin/member/review/index',
  import: '/packages/admin/member/import/index',
  verify: '/packages/admin/member/verify/index',
  manage: '/packages/admin/member/manage/index',
  admins: '/packages/admin/member/admins/index',
  console: '/packages/admin/member/console/index',
  sessions: '/packages/admin/member/sessions/index',
} as const;
