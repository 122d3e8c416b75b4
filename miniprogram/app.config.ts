export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/benefits/index',
    'pages/activities/index',
    'pages/mine/index',
    'pages/privacy/index',
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#d7000f',
    navigationBarTitleText: '甬工惠',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f5f7',
  },
  tabBar: {
    color: '#8a8a8f',
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
  lazyCodeLoading: 'requiredComponents',
});
