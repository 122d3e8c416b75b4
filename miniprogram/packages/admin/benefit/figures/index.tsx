/** 福利数据: claims over time (chart), registrations, redemptions, expiries, 已撤回, and the CSV export. */
import { Text, View } from '@tarojs/components';
import { Button } from '../../../../components/Button';
import Taro, { useRouter } from '@tarojs/taro';
import { api } from '../../../../services/api';
import { useRemote } from '../../../../hooks/useRemote';
import { EmptyState } from '../../../../components/StateViews';
import { RemoteGate } from '../../../../components/RemoteView';
import { LineChart } from '../../../../components/charts';
import { formatBusiness, formatBusinessFriendly } from '../../../../../shared/time';
import { elderClass } from '../../../../utils/elderMode';
import '../../../benefit/benefit.css';

async function exportCsv(dropId: string): Promise<void> {
  const res = await api.benefit.exportCsv(dropId);
  if (!res.ok) {
    void Taro.showModal({ title: '导出失败', content: res.error.message, showCancel: false });
    return;
  }
  if (process.env.TARO_ENV === 'h5') {
    const url = URL.createObjectURL(new Blob([res.data.csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = res.data.filename;
    a.click();
    URL.revokeObjectURL(url);
  } else {
    await Taro.setClipboardData({ data: res.data.csv });
    void Taro.showToast({ title: `已复制 ${res.data.rows} 行，可粘贴到表格`, icon: 'none' });
  }
}

export default function FiguresPage() {
  const dropId = useRouter().params.dropId ?? '';
  const { state, reload } = useRemote(() => api.benefit.figures(dropId));
  if (state.status !== 'ready') return <RemoteGate state={state} reload={reload} rows={6} page='page' bare />;
  const f = state.data;
  const fmt = f.bucketSeconds >= 60 ? 'HH:mm' : 'HH:mm:ss';
  return (
    <View className={`page${elderClass()}`}>
      <View className='card'>
        <View className='section-title'>
          <Text>{f.title}</Text>
        </View>
        <View className='bf-stats'>
          <View className='bf-stat'>
            <Text className='bf-stat__num'>
              {f.claims}/{f.stock}
            </Text>
            <Text className='bf-stat__label'>已领取</Text>
          </View>
          {f.mode === 'draw' ? (
            <View className='bf-stat'>
              <Text className='bf-stat__num'>{f.registrations}</Text>
              <Text className='bf-stat__label'>报名</Text>
            </View>
          ) : null}
          <View className='bf-stat'>
            <Text className='bf-stat__num'>{f.redemptions}</Text>
            <Text className='bf-stat__label'>已核销</Text>
          </View>
          <View className='bf-stat'>
            <Text className='bf-stat__num'>{f.expired}</Text>
            <Text className='bf-stat__label'>已过期</Text>
          </View>
        </View>
        {f.soldOutAt ? <Text className='bf-explain'>已于 {formatBusiness(f.soldOutAt, 'MM-DD HH:mm:ss')} 全部领完</Text> : null}
        {f.cancelled ? (
          <Text className='bf-explain'>
            已于 {formatBusinessFriendly(f.cancelled.at)} 撤回（{f.cancelled.by}）：{f.cancelled.reason}
          </Text>
        ) : null}
      </View>
      <View className='card'>
        <View className='section-title'>
          <Text>领取趋势（每 {f.bucketSeconds >= 60 ? `${f.bucketSeconds / 60} 分钟` : `${f.bucketSeconds} 秒`}）</Text>
        </View>
        {f.series.length === 0 ? (
          <EmptyState title='还没有领取记录' hint='会员领取或中签后，这里会显示每天的领取和核销情况' />
        ) : (
          <LineChart data={f.series.map((p) => ({ x: formatBusiness(p.at, fmt), y: p.claims }))} yLabel='领取数' area />
        )}
      </View>
      <View className='card'>
        <Button className='bf-secondary' onClick={() => void exportCsv(dropId)}>
          导出领取明细（CSV）
        </Button>
      </View>
    </View>
  );
}
