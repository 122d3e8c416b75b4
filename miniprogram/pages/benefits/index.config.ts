export default definePageConfig({
  navigationBarTitleText: '周五福利',
  // The drop countdown is a native WeChat component; H5 renders components/Countdown instead.
  ...(process.env.TARO_ENV === 'weapp' ? { usingComponents: { countdown: '../../native/countdown/index' } } : {}),
});
