/** 疗休养统计: places used vs limit per unit (chart), spend vs cost caps, priority mix of approved members, 本地行. */
import { Text, View } from '@tarojs/components';
import { api } from '../../../../services/api';
import { useRemote } from '../../../../hooks/useRemote';
import { EmptyState } from '../../../../components/StateViews';
import { RemoteGate } from '../../../../components/RemoteView';
import LocalTools from '../../../../components/LocalTools';
import { BarChart } from '../../../../components/charts';
import { formatYuan } from '../../../../../shared/recuperation/money';
import { PRIORITY_RULES } from '../../../../../shared/recuperation/priority';
import AdminLinks from '../AdminLinks';
import { elderClass } from '../../../../utils/elderMode';
import '../../../recuperation/recuperation.css';

export default function FiguresPage() {
  const { state, reload } = useRemote(() => api.recuperation.adminFigures({}));
  return (
    <View className={`page${elderClass()}`}>
      <AdminLinks current='figures' />
      {state.status !== 'ready' ? (
        <RemoteGate state={state} reload={reload} rows={6} />
      ) : state.data.units.length === 0 ? (
        <EmptyState
          title={`${state.data.year} 年暂无疗休养数据`}
          hint='发布批次并审批申请后，这里会显示名额使用情况'
          action={{ label: '发布批次', to: { kind: 'page', url: '/packages/admin/recuperation/batches/index' } }}
        />
      ) : (
        <View>
          <View className='card'>
            <View className='section-title'>
              <Text>{state.data.year} 年名额使用</Text>
            </View>
            <BarChart
              horizontal
              categories={state.data.units.map((u) => u.unit.name)}
              series={[
                { name: '已批准', data: state.data.units.map((u) => u.approved) },
                { name: '可用名额', data: state.data.units.map((u) => u.limit) },
              ]}
              yLabel='人数'
            />
            <Text className='note'>
              合计已批准 {state.data.totals.approved} 人 / 可用 {state.data.totals.limit} 人，其中领导干部 {state.data.totals.leaders} 人。
            </Text>
          </View>
          <View className='card'>
            <View className='section-title'>
              <Text>费用与标准</Text>
            </View>
            {state.data.units.map((u) => (
              <View key={u.unit.id} className='rc-kv'>
                <Text className='rc-kv__k'>{u.unit.name}</Text>
                <Text className='rc-kv__v'>
                  {formatYuan(u.spendFen)}
                  {u.capTotalFen !== null ? ` / 上限 ${formatYuan(u.capTotalFen)}` : '（未设上限）'}
                </Text>
              </View>
            ))}
          </View>
          <View className='card'>
            <View className='section-title'>
              <Text>获批人员优先条件构成</Text>
            </View>
            {PRIORITY_RULES.map((r) => (
              <View key={r.key} className='rc-kv'>
                <Text className='rc-kv__k'>{r.label}</Text>
                <Text className='rc-kv__v'>{state.data.totals.mix[r.key]} 人</Text>
              </View>
            ))}
            <View className='rc-kv'>
              <Text className='rc-kv__k'>无优先条件</Text>
              <Text className='rc-kv__v'>{state.data.totals.mix.none} 人</Text>
            </View>
          </View>
          <View className='card'>
            <View className='section-title'>
              <Text>本地行奖励</Text>
            </View>
            {state.data.units
              .filter((u) => u.subsidyClaims > 0)
              .map((u) => (
                <View key={u.unit.id} className='rc-kv'>
                  <Text className='rc-kv__k'>{u.unit.name}</Text>
                  <Text className='rc-kv__v'>
                    已批准 {formatYuan(u.subsidyApprovedFen)}，待审核 {formatYuan(u.subsidyPendingFen)}
                  </Text>
                </View>
              ))}
            <Text className='note'>
              合计已批准 {formatYuan(state.data.totals.subsidyApprovedFen)}，待审核 {formatYuan(state.data.totals.subsidyPendingFen)}。
            </Text>
          </View>
        </View>
      )}
      <LocalTools />
    </View>
  );
}
