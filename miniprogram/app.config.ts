export default defineAppConfig({
  pages: ['pages/index/index', 'pages/benefits/index', 'pages/activities/index', 'pages/mine/index', 'pages/privacy/index'],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#d7000f',
    navigationBarTitleText: '甬工惠',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f5f7',
  },
  tabBar: {
    color: '#66666d',
    selectedColor: '#d7000f',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-active.png',
      },
      {
        pagePath: 'pages/benefits/index',
        text: '福利',
        iconPath: 'assets/tab/benefits.png',
        selectedIconPath: 'assets/tab/benefits-active.png',
      },
      {
        pagePath: 'pages/activities/index',
        text: '活动',
        iconPath: 'assets/tab/activities.png',
        selectedIconPath: 'assets/tab/activities-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tab/mine.png',
        selectedIconPath: 'assets/tab/mine-active.png',
      },
    ],
  },
  subPackages: [
    // Union admins' pages (工会工作台). Every domain adds its admin pages here as
    // '<domain>/<page>/index' (files in miniprogram/packages/admin/<domain>/) and links them
    // from packages/admin/entries.ts. Charts (components/charts) may only be used from subpackages.
    {
      root: 'packages/admin',
      pages: [
        'dashboard/index',
        'member/review/index',
        'member/import/index',
        'member/verify/index',
        'member/manage/index',
        'member/admins/index',
        'member/console/index',
        'member/sessions/index',
        'recuperation/applicants/index',
        'recuperation/batches/index',
        'recuperation/units/index',
        'recuperation/subsidy/index',
        'recuperation/figures/index',
        'daycare/figures/index',
        'daycare/create/index',
        'content/list/index',
        'content/edit/index',
        'content/roster/index',
        'content/figures/index',
        'benefit/index/index',
        'benefit/create/index',
        'benefit/redeem/index',
        'benefit/figures/index',
        'home/banners/index',
        'home/contact/index',
      ],
    },
    // Membership (入会 / 申请进度 / 会员卡 / 认领 / 账号与隐私·注销账号).
    { root: 'packages/member', pages: ['join/index', 'status/index', 'card/index', 'claim/index', 'account/index'] },
    // Recuperation (职工疗休养): batches, apply, my applications.
    { root: 'packages/recuperation', pages: ['index/index', 'batch/index', 'mine/index'] },
    // Summer day-care (免费暑托班): campaigns, children, my registrations, site staff.
    { root: 'packages/daycare', pages: ['index/index', 'children/index', 'mine/index', 'staff/index'] },
    // Publishing to followers (活动与资讯): post, union page, follows, my sign-ups, 消息, 工会通知, 搜索.
    {
      root: 'packages/content',
      pages: ['post/index', 'union/index', 'unions/index', 'mine/index', 'inbox/index', 'notice/index', 'search/index'],
    },
    // Friday benefit drops (周五福利): 我的福利 (codes + QR). The drop admin lives in packages/admin/benefit.
    { root: 'packages/benefit', pages: ['mine/index'] },
    // Help (常见问题 static answers, 联系工会 the member's union office). Union admins set contacts
    // and home banners in packages/admin/home.
    { root: 'packages/help', pages: ['faq/index', 'contact/index'] },
  ],
  lazyCodeLoading: 'requiredComponents',
});
