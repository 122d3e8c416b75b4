export default definePageConfig({ navigationBarTitleText: '暑托班管理' });
