/**
 * 工会工作台: a union admin's landing page — who they administer, the figures of their own
 * subtree (system.homeSummary's `scope`, counted on the server) and the admin tools by domain.
 * The role shown here only decides what to display; every admin action checks role and union scope
 * on the server.
 */
import { Text, View } from '@tarojs/components';
import { api } from '../../../services/api';
import { useRemote } from '../../../hooks/useRemote';
import { EmptyState } from '../../../components/StateViews';
import { RemoteGate } from '../../../components/RemoteView';
import { BarChart, formatCount } from '../../../components/charts';
import { openTarget } from '../../../utils/navigate';
import { ADMIN_SECTIONS } from '../entries';
import { elderClass } from '../../../utils/elderMode';
import './index.css';

export default function AdminDashboardPage() {
  const { state, reload } = useRemote(api.system.homeSummary);

  if (state.status !== 'ready') return <RemoteGate state={state} reload={reload} rows={4} page='page admin-dash' />;

  const { viewer, scope } = state.data;
  if (viewer.role !== 'union_admin' || !scope) {
    return (
      <View className={`page admin-dash${elderClass()}`}>
        <EmptyState
          title='仅工会管理员可使用工作台'
          hint='如需开通，请联系所在工会。'
          action={{ label: '联系工会', to: { kind: 'page', url: '/packages/help/contact/index' } }}
        />
      </View>
    );
  }

  return (
    <View className={`page admin-dash${elderClass()}`}>
      <View className='hero'>
        <Text className='hero__title'>工会工作台</Text>
        <Text className='hero__sub'>{viewer.roleLabel}</Text>
      </View>

      <View className='card'>
        <View className='section-title'>管辖范围概况</View>
        <View className='admin-dash__stats'>
          <View className='admin-dash__stat'>
            <Text className='admin-dash__stat-value'>{formatCount(scope.unions)}</Text>
            <Text className='admin-dash__stat-name'>工会组织（个）</Text>
          </View>
          <View className='admin-dash__stat'>
            <Text className='admin-dash__stat-value'>{formatCount(scope.members)}</Text>
            <Text className='admin-dash__stat-name'>在册会员（人）</Text>
          </View>
        </View>
        <BarChart
          className='admin-dash__chart'
          categories={['工会组织', '在册会员']}
          series={[{ name: '当前数量', data: [scope.unions, scope.members] }]}
          yLabel='个 / 人'
          height={200}
        />
        <Text className='note'>{scope.name}及下级工会的实时数据（会员按有效会员卡计）。</Text>
      </View>

      {ADMIN_SECTIONS.map((section) => (
        <View key={section.key} className='card admin-dash__section'>
          <View className='section-title'>{section.title}</View>
          {section.entries.map((entry) => (
            <View key={entry.key} className='link-row admin-dash__entry' onClick={() => openTarget(entry.target)}>
              <View className='admin-dash__entry-text'>
                <Text className='admin-dash__entry-title'>{entry.title}</Text>
                <Text className='admin-dash__entry-desc'>{entry.desc}</Text>
              </View>
              <Text className='link-row__arrow'>›</Text>
            </View>
          ))}
        </View>
      ))}

      <Text className='note admin-dash__footnote'>管理范围为本级工会及其下级工会，所有操作均在服务端校验权限。</Text>
    </View>
  );
}
