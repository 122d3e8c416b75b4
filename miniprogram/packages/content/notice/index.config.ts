export default definePageConfig({ navigationBarTitleText: '工会通知' });
