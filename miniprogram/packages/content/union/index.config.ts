export default definePageConfig({ navigationBarTitleText: '工会主页' });
