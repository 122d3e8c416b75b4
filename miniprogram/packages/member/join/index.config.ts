export default definePageConfig({
  navigationBarTitleText: '申请入会',
});
