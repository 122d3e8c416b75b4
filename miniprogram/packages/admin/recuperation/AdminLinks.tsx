/** The recuperation admin pages, one row of links. */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';

const LINKS = [
  { key: 'applicants', title: '审批' },
  { key: 'batches', title: '批次与名单' },
  { key: 'units', title: '单位设置' },
  { key: 'subsidy', title: '本地行奖励' },
  { key: 'figures', title: '统计' },
];

export default function AdminLinks({ current }: { current: string }) {
  return (
    <View className='rc-chips'>
      {LINKS.map((l) => (
        <Text
          key={l.key}
          className={`rc-chip ${l.key === current ? 'rc-chip--on' : ''}`}
          onClick={() => (l.key === current ? undefined : void Taro.redirectTo({ url: `/packages/admin/recuperation/${l.key}/index` }))}
        >
          {l.title}
        </Text>
      ))}
    </View>
  );
}
