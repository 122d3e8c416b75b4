export default definePageConfig({ navigationBarTitleText: '疗休养本地行奖励' });
