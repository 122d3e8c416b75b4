export default definePageConfig({
  navigationBarTitleText: '已登录的工作台',
});
