import { Text, View } from '@tarojs/components';

/** One "label: value" row of the admin member cards. */
export default function Kv({ k, v }: { k: string; v: string }) {
  return (
    <View className='am-kv'>
      <Text className='am-kv__k'>{k}</Text>
      <Text className='am-kv__v'>{v}</Text>
    </View>
  );
}
