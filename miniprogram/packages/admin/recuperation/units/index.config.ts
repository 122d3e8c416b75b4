export default definePageConfig({ navigationBarTitleText: '疗休养单位设置' });
