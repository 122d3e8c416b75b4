export default definePageConfig({ navigationBarTitleText: '托管点工作台' });
