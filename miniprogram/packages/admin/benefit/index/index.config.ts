export default definePageConfig({ navigationBarTitleText: '周五福利管理' });
