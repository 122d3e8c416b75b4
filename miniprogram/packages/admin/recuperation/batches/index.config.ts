export default definePageConfig({ navigationBarTitleText: '疗休养批次' });
