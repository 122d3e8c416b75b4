export default definePageConfig({ navigationBarTitleText: '福利数据' });
