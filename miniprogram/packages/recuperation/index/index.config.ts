export default definePageConfig({ navigationBarTitleText: '职工疗休养' });
