export default definePageConfig({ navigationBarTitleText: '我的暑托班报名', enablePullDownRefresh: false });
