/** Page paths of the membership subpackage (registered in app.config.ts subPackages). */
export const MEMBER_PAGES = {
  join: '/packages/member/join/index',
  status: '/packages/member/status/index',
  card: '/packages/member/card/index',
  claim: '/packages/member/claim/index',
  account: '/packages/member/account/index',
} as const;
