export default definePageConfig({
  navigationBarTitleText: '认领会员身份',
});
