export default definePageConfig({ navigationBarTitleText: '我的疗休养' });
