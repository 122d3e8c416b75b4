/**
 * One batch: venue (with 查看位置 / 拨打电话), dates, cost, places; whether the member may apply (and which rule says no);
 * the priority score they would get, line by line; 申请 (retries reuse the same requestId).
 */
import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/Button';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { api } from '../../../services/api';
import { useRetrySafeCalls } from '../../../hooks/useRetrySafeSend';
import { useRemote } from '../../../hooks/useRemote';
import { RemoteGate } from '../../../components/RemoteView';
import { VenueCard } from '../../../components/VenueCard';
import { formatYuan } from '../../../../shared/recuperation/money';
import { elderClass } from '../../../utils/elderMode';
import '../recuperation.css';

export default function BatchPage() {
  const id = useRouter().params.id ?? '';
  const load = useCallback(() => api.recuperation.batchDetail(id), [id]);
  const { state, reload } = useRemote(load);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const { run } = useRetrySafeCalls();

  const apply = async () => {
    setBusy(true);
    setError('');
    const res = await run((requestId) => api.recuperation.apply(id, { requestId }));
    setBusy(false);
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    void Taro.showToast({ title: '申请已提交', icon: 'success' });
    void Taro.redirectTo({ url: '/packages/recuperation/mine/index' });
  };

  if (state.status !== 'ready') return <RemoteGate state={state} reload={reload} rows={6} page='page' />;
  const { batch, venue, eligibility, preview } = state.data;
  return (
    <View className={`page${elderClass()}`}>
      <View className='card'>
        <View className='rc-batch__head'>
          <Text className='rc-batch__title'>{batch.title}</Text>
          <Text className={batch.accepting ? 'rc-badge' : 'rc-badge rc-badge--off'}>{batch.accepting ? '申请中' : '已截止'}</Text>
        </View>
        <View className='rc-kv'>
          <Text className='rc-kv__k'>时间</Text>
          <Text className='rc-kv__v'>{batch.period}（含路途）</Text>
        </View>
        <View className='rc-kv'>
          <Text className='rc-kv__k'>场所</Text>
          <Text className='rc-kv__v'>
            {venue.name}（{venue.location}
            {venue.rooms ? `，${venue.rooms} 套客房` : ''}）
          </Text>
        </View>
        <View className='rc-kv'>
          <Text className='rc-kv__k'>人均费用</Text>
          <Text className='rc-kv__v rc-price'>{formatYuan(batch.costFen)}</Text>
        </View>
        <View className='rc-kv'>
          <Text className='rc-kv__k'>名额</Text>
          <Text className='rc-kv__v'>
            {batch.capacity} 人，剩余 {batch.seatsLeft} 人
          </Text>
        </View>
        <View className='rc-kv'>
          <Text className='rc-kv__k'>发布单位</Text>
          <Text className='rc-kv__v'>{batch.owner.name}</Text>
        </View>
        {venue.description ? <Text className='note'>{venue.description}</Text> : null}
        <VenueCard
          venue={{ name: venue.name, address: venue.address ?? venue.location, hours: null, location: venue.position, phone: venue.phone }}
          label='疗休养场所'
        />
      </View>

      {preview ? (
        <View className='card'>
          <View className='section-title'>
            <Text>我的优先分</Text>
          </View>
          <View className='rc-score'>
            <Text className='rc-score__total'>{preview.score} 分</Text>
            {preview.lines.length === 0 ? <Text className='rc-line'>暂无优先条件，按申请先后排序</Text> : null}
            {preview.lines.map((l) => (
              <View key={l.key} className='rc-score__line'>
                <Text>{l.label}</Text>
                <Text>+{l.points}</Text>
              </View>
            ))}
          </View>
          <Text className='note'>单位工会按优先分从高到低、在本单位年度名额内审批；领导干部比例受限。</Text>
        </View>
      ) : null}

      <View className='card'>
        {eligibility.ok ? (
          <Button className={`rc-btn`} disabled={busy} loading={busy} onClick={() => void apply()}>
            申请参加本批次
          </Button>
        ) : (
          <Text className='rc-blocked'>{eligibility.message}</Text>
        )}
        {error ? <Text className='rc-error'>{error}</Text> : null}
        <Text className='note'>每人每年限申请一次；参加后 3 年内（以单位规定为准）不重复安排。</Text>
      </View>
    </View>
  );
}
