/**
 * Every page of the app with the persona it is meant for (app.config.ts lists the pages; a test
 * checks this table covers them all). Ids are the demo data's (scripts/local-cloud/demo/seed*.ts).
 */
export interface WalkRoute {
  path: string;
  persona: string;
  /** Query string, for pages that open one record. */
  query?: string;
}

const member = 'member';
const district = 'district_admin';

export const WALK_ROUTES: WalkRoute[] = [
  { path: 'pages/index/index', persona: 'guest' },
  { path: 'pages/index/index', persona: member },
  { path: 'pages/benefits/index', persona: 'guest' },
  { path: 'pages/benefits/index', persona: member },
  { path: 'pages/activities/index', persona: member },
  { path: 'pages/mine/index', persona: 'guest' },
  { path: 'pages/mine/index', persona: district },
  { path: 'pages/privacy/index', persona: member },

  { path: 'packages/member/join/index', persona: 'guest' },
  { path: 'packages/member/status/index', persona: 'guest' },
  { path: 'packages/member/card/index', persona: member },
  { path: 'packages/member/claim/index', persona: 'guest' },
  { path: 'packages/member/account/index', persona: member },

  { path: 'packages/recuperation/index/index', persona: member },
  { path: 'packages/recuperation/batch/index', persona: member, query: 'id=batch_seed_gongren' },
  { path: 'packages/recuperation/mine/index', persona: member },

  { path: 'packages/daycare/index/index', persona: 'parent' },
  { path: 'packages/daycare/children/index', persona: 'parent' },
  { path: 'packages/daycare/mine/index', persona: 'parent' },
  { path: 'packages/daycare/staff/index', persona: district },

  { path: 'packages/content/post/index', persona: member, query: 'id=p_seed_bl_walk' },
  { path: 'packages/content/union/index', persona: member, query: 'id=nb-bl' },
  { path: 'packages/content/unions/index', persona: member },
  { path: 'packages/content/mine/index', persona: member },
  { path: 'packages/content/inbox/index', persona: member },
  { path: 'packages/content/notice/index', persona: 'guest', query: 'id=notice-1' },
  { path: 'packages/content/search/index', persona: member, query: 'q=%E7%94%B5%E5%BD%B1' },

  { path: 'packages/benefit/mine/index', persona: member },

  { path: 'packages/help/faq/index', persona: 'guest' },
  { path: 'packages/help/contact/index', persona: member },

  { path: 'packages/admin/dashboard/index', persona: district },
  { path: 'packages/admin/member/review/index', persona: district },
  { path: 'packages/admin/member/import/index', persona: district },
  { path: 'packages/admin/member/verify/index', persona: district },
  { path: 'packages/admin/member/manage/index', persona: district },
  { path: 'packages/admin/member/admins/index', persona: district },
  { path: 'packages/admin/member/console/index', persona: district },
  { path: 'packages/admin/member/sessions/index', persona: district },
  { path: 'packages/admin/recuperation/applicants/index', persona: district },
  { path: 'packages/admin/recuperation/batches/index', persona: 'city_admin' },
  { path: 'packages/admin/recuperation/units/index', persona: district },
  { path: 'packages/admin/recuperation/subsidy/index', persona: district },
  { path: 'packages/admin/recuperation/figures/index', persona: district },
  { path: 'packages/admin/daycare/figures/index', persona: district },
  { path: 'packages/admin/daycare/create/index', persona: district },
  { path: 'packages/admin/content/list/index', persona: district },
  { path: 'packages/admin/content/edit/index', persona: district, query: 'kind=activity' },
  { path: 'packages/admin/content/roster/index', persona: district, query: 'id=p_seed_bl_walk' },
  { path: 'packages/admin/content/figures/index', persona: district },
  { path: 'packages/admin/benefit/index/index', persona: district },
  { path: 'packages/admin/benefit/create/index', persona: district },
  { path: 'packages/admin/benefit/redeem/index', persona: district },
  { path: 'packages/admin/benefit/figures/index', persona: district, query: 'dropId=ddemo0open' },
  { path: 'packages/admin/home/banners/index', persona: district },
  { path: 'packages/admin/home/contact/index', persona: district },
];
