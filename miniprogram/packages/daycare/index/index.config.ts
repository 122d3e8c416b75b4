export default definePageConfig({ navigationBarTitleText: '免费暑托班' });
