export default definePageConfig({ navigationBarTitleText: '活动与资讯统计' });
