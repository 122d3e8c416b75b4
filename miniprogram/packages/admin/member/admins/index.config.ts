export default definePageConfig({
  navigationBarTitleText: '管理员管理',
});
