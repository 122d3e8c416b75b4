/**
 * 长辈模式 switch in 我的: bigger text and buttons everywhere. It starts on by itself when WeChat's
 * font is set large (关怀模式); switching it here is remembered on this phone.
 */
import { Switch, Text, View } from '@tarojs/components';
import { isElderMode, largeSystemFont, setElderMode } from '../../utils/elderMode';

export default function ElderSwitch() {
  const on = isElderMode();
  return (
    <View className='link-row mine__elder'>
      <View className='mine__elder-text'>
        <Text>长辈模式</Text>
        <Text className='mine__elder-hint'>{largeSystemFont() ? '已跟随微信的大字体设置' : '字更大、按钮更大，看得清点得准'}</Text>
      </View>
      <Switch
        className='mine__elder-switch'
        checked={on}
        color='#d7000f'
        nativeProps={{ 'aria-label': '长辈模式' }}
        onChange={(e) => setElderMode(e.detail.value, '/pages/mine/index')}
      />
    </View>
  );
}
