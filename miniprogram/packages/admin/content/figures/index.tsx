/** 数据统计: reads and sign-ups per post (chart), follower total and daily growth (chart). */
import { Text, View } from '@tarojs/components';
import { api } from '../../../../services/api';
import { useRemote } from '../../../../hooks/useRemote';
import { EmptyState } from '../../../../components/StateViews';
import { RemoteGate } from '../../../../components/RemoteView';
import { BarChart, LineChart } from '../../../../components/charts';
import { elderClass } from '../../../../utils/elderMode';
import '../admin.css';

export default function ContentFigures() {
  const { state, reload } = useRemote(() => api.content.adminFigures({ days: 14 }));
  if (state.status !== 'ready') return <RemoteGate state={state} reload={reload} rows={8} page='page' />;
  const d = state.data;
  const posts = d.posts.slice(0, 8);
  return (
    <View className={`page${elderClass()}`}>
      <View className='card'>
        <View className='section-title'>
          <Text>{d.union.name} · 阅读与报名</Text>
        </View>
        {posts.length === 0 ? (
          <EmptyState
            title='还没有已发布的内容'
            hint='发布活动或资讯后，这里会显示阅读和报名数据'
            action={{ label: '去发布', to: { kind: 'page', url: '/packages/admin/content/list/index' } }}
          />
        ) : (
          <>
            <BarChart
              horizontal
              categories={posts.map((p) => p.title)}
              series={[
                { name: '阅读', data: posts.map((p) => p.reads) },
                { name: '报名', data: posts.map((p) => p.signedUp) },
              ]}
              yLabel='人次'
            />
            {d.posts.map((p) => (
              <View key={p.id} className='ca-figure'>
                <Text style={{ flex: 1, marginRight: '12px' }}>{p.title}</Text>
                <Text>
                  阅读 {p.reads}
                  {p.kind === 'activity' ? ` · 报名 ${p.signedUp} · 候补 ${p.waitlisted} · 签到 ${p.checkedIn}` : ''}
                </Text>
              </View>
            ))}
          </>
        )}
      </View>
      <View className='card'>
        <View className='section-title'>
          <Text>关注人数 {d.followers.total}（近 14 天增长）</Text>
        </View>
        <LineChart
          data={d.followers.days.flatMap((day) => [
            { x: day.day.slice(5), y: day.follows, series: '新增关注' },
            { x: day.day.slice(5), y: day.unfollows, series: '取消关注' },
          ])}
          yLabel='人数'
        />
        <Text className='note'>每位会员只计一次阅读。入会后自动关注的人数在每晚对账时计入当天的新增关注。</Text>
      </View>
    </View>
  );
}
