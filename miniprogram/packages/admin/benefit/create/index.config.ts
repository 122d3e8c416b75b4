export default definePageConfig({ navigationBarTitleText: '发布福利' });
