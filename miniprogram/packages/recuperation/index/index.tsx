/** 职工疗休养: batches published by the member's union chain (open ones first) and a link to 我的申请. */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { api } from '../../../services/api';
import { useRemote } from '../../../hooks/useRemote';
import { EmptyState } from '../../../components/StateViews';
import { RemoteGate } from '../../../components/RemoteView';
import LocalTools from '../../../components/LocalTools';
import { formatYuan } from '../../../../shared/recuperation/money';
import type { BatchView } from '../../../../shared/recuperation/schemas';
import { elderClass } from '../../../utils/elderMode';
import '../recuperation.css';

function BatchCard({ b }: { b: BatchView }) {
  return (
    <View className='card rc-batch' onClick={() => void Taro.navigateTo({ url: `/packages/recuperation/batch/index?id=${b.id}` })}>
      <View className='rc-batch__head'>
        <Text className='rc-batch__title'>{b.title}</Text>
        <Text className={b.accepting ? 'rc-badge' : 'rc-badge rc-badge--off'}>
          {b.accepting ? '申请中' : b.status === 'closed' ? '已结束' : '已截止'}
        </Text>
      </View>
      <Text className='rc-line'>
        {b.venue.name} · {b.venue.location}
      </Text>
      <Text className='rc-line'>{b.period}</Text>
      <Text className='rc-line'>
        人均费用 <Text className='rc-price'>{formatYuan(b.costFen)}</Text> · 名额 {b.capacity} 人（剩余 {b.seatsLeft}）· {b.owner.name}
      </Text>
    </View>
  );
}

export default function RecuperationHome() {
  const { state, reload } = useRemote(api.recuperation.listBatches);
  return (
    <View className={`page${elderClass()}`}>
      <View className='hero'>
        <Text className='hero__title'>职工疗休养</Text>
        <Text className='hero__sub'>
          面向一线职工和工会会员，优先安排高危岗位、劳模先进、工伤和即将退休职工。每批不超过 5 天（含路途）。
        </Text>
      </View>
      <View className='card'>
        <View className='link-row' onClick={() => void Taro.navigateTo({ url: '/packages/recuperation/mine/index' })}>
          <Text>我的疗休养申请</Text>
          <Text className='link-row__arrow'>›</Text>
        </View>
      </View>
      <View className='section-title'>
        <Text>疗休养批次</Text>
      </View>
      {state.status !== 'ready' ? (
        <RemoteGate state={state} reload={reload} rows={4} />
      ) : state.data.batches.length === 0 ? (
        <EmptyState
          title='暂无疗休养批次'
          hint='工会发布批次后会显示在这里，也可以咨询所在工会'
          action={{ label: '联系工会', to: { kind: 'page', url: '/packages/help/contact/index' } }}
        />
      ) : (
        state.data.batches.map((b) => <BatchCard key={b.id} b={b} />)
      )}
      <LocalTools />
    </View>
  );
}
