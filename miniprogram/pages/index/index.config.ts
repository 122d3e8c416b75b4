export default definePageConfig({
  navigationBarTitleText: '甬工惠',
  enablePullDownRefresh: true,
});
