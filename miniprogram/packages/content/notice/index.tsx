/** One 工会通知 opened from the home page: title, union, time and its text. */
import { Text, View } from '@tarojs/components';
import { useRouter, useShareAppMessage } from '@tarojs/taro';
import { formatBusiness } from '../../../../shared/time';
import { api } from '../../../services/api';
import { useRemote } from '../../../hooks/useRemote';
import { RemoteGate } from '../../../components/RemoteView';
import { elderClass } from '../../../utils/elderMode';
import '../content.css';

export default function NoticePage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const { state, reload } = useRemote(() => api.system.notice(id));
  useShareAppMessage(() => ({
    title: state.status === 'ready' ? state.data.title : '工会通知',
    path: `/packages/content/notice/index?id=${encodeURIComponent(id)}`,
  }));
  if (state.status !== 'ready') return <RemoteGate state={state} reload={reload} rows={5} page='page' />;
  const n = state.data;
  return (
    <View className={`page ct-post${elderClass()}`}>
      <View className='card ct-head'>
        <Text className='ct-title'>{n.title}</Text>
        <View className='ct-meta'>
          <Text>{n.unionName}</Text>
          <Text>{formatBusiness(n.publishedAt)}</Text>
        </View>
      </View>
      <View className='card ct-notice'>
        {n.paragraphs.length ? (
          n.paragraphs.map((p, i) => (
            <Text key={i} className='ct-notice__p'>
              {p}
            </Text>
          ))
        ) : (
          <Text className='note'>本通知没有正文，详情请咨询{n.unionName}。</Text>
        )}
      </View>
    </View>
  );
}
