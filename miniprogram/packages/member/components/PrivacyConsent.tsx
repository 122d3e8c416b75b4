import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';

/** The consent checkbox linking to the privacy guide, used by every membership form. */
export function PrivacyConsent({ checked, onToggle, purpose }: { checked: boolean; onToggle: () => void; purpose?: string }) {
  return (
    <View className='mconsent' onClick={onToggle}>
      <View className={`mconsent__box ${checked ? 'mconsent__box--on' : ''}`}>{checked ? <Text>✓</Text> : null}</View>
      <Text>
        我已阅读并同意
        <Text
          className='mconsent__link'
          onClick={(e) => {
            e.stopPropagation();
            void Taro.navigateTo({ url: '/pages/privacy/index' });
          }}
        >
          《用户隐私保护指引》
        </Text>
        {purpose ?? null}
      </Text>
    </View>
  );
}
