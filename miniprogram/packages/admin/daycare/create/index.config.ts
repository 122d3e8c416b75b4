export default definePageConfig({ navigationBarTitleText: '开设暑托班' });
