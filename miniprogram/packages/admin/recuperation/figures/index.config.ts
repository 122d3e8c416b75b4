export default definePageConfig({ navigationBarTitleText: '疗休养统计' });
