export default definePageConfig({ navigationBarTitleText: '工会通知', enableShareAppMessage: true });
