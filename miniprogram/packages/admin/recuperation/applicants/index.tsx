/**
 * 疗休养审批: pick a unit, see its places for the year and its applicants ranked by the priority
 * score; approve within the quota and caps (the platform refuses and names the rule otherwise).
 */
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../../../services/api';
import { useRemote } from '../../../../hooks/useRemote';
import { EmptyState } from '../../../../components/StateViews';
import { RemoteGate } from '../../../../components/RemoteView';
import LocalTools from '../../../../components/LocalTools';
import type { AdminApplicantsResult } from '../../../../../shared/recuperation/schemas';
import type { Result } from '../../../../../shared/envelope';
import AdminLinks from '../AdminLinks';
import UnitPicker from '../UnitPicker';
import ApplicantCard from './ApplicantCard';
import { elderClass } from '../../../../utils/elderMode';
import '../../../recuperation/recuperation.css';

type Tab = 'pending' | 'approved' | 'refused';
const TABS: Array<{ key: Tab; title: string }> = [
  { key: 'pending', title: '待审核' },
  { key: 'approved', title: '已批准' },
  { key: 'refused', title: '未批准' },
];

function UnitSummary({ data }: { data: AdminApplicantsResult }) {
  const u = data.unit;
  return (
    <View className='card'>
      <View className='rc-stats'>
        <View>
          <Text className='rc-stat__num'>{u.approved}</Text>
          <Text className='rc-stat__label'>已批准</Text>
        </View>
        <View>
          <Text className='rc-stat__num'>{u.limit}</Text>
          <Text className='rc-stat__label'>{u.year} 年可用名额</Text>
        </View>
        <View>
          <Text className='rc-stat__num'>{u.placesLeft}</Text>
          <Text className='rc-stat__label'>剩余</Text>
        </View>
      </View>
      <Text className='note'>
        年度名额 {u.quota} 人，职工 {u.staffCount} 人的{u.staffShare.label}为{' '}
        {Math.floor((u.staffCount * u.staffShare.num) / u.staffShare.den)} 人，取较小者；领导干部不超过每批次本单位人数的
        {u.leaderShare.label}；费用标准 {u.costCapLabel}；{u.noRepeatYears} 年内不重复参加。
      </Text>
    </View>
  );
}

export default function ApplicantsPage() {
  const units = useRemote(useCallback(() => api.recuperation.adminUnits(), []));
  const [unionId, setUnionId] = useState('');
  const [tab, setTab] = useState<Tab>('pending');
  useEffect(() => {
    if (units.state.status === 'ready' && !unionId && units.state.data.units.length) {
      setUnionId((units.state.data.units.find((u) => u.configured) ?? units.state.data.units[0]).unit.id);
    }
  }, [units.state, unionId]);
  const load = useCallback(
    (): Promise<Result<AdminApplicantsResult>> =>
      unionId ? api.recuperation.adminApplicants({ unionId, status: tab }) : new Promise(() => undefined),
    [unionId, tab],
  );
  const list = useRemote(load);
  const reloadList = list.reload;
  // useRemote loads once on mount; a new unit or tab needs a new load.
  useEffect(() => {
    if (unionId) reloadList();
  }, [unionId, tab, reloadList]);

  return (
    <View className={`page${elderClass()}`}>
      <AdminLinks current='applicants' />
      {units.state.status !== 'ready' ? (
        <RemoteGate state={units.state} reload={units.reload} rows={3} />
      ) : units.state.data.units.length === 0 ? (
        <EmptyState title='您管理的范围内没有基层工会' hint='疗休养以基层工会为单位开展，请由基层工会或其上级工会的管理员审批' />
      ) : (
        <View>
          <UnitPicker units={units.state.data.units} value={unionId} onChange={setUnionId} />
          <View className='am-tabs rc-chips'>
            {TABS.map((t) => (
              <Text key={t.key} className={`rc-chip ${t.key === tab ? 'rc-chip--on' : ''}`} onClick={() => setTab(t.key)}>
                {t.title}
              </Text>
            ))}
          </View>
          {list.state.status !== 'ready' ? (
            <RemoteGate state={list.state} reload={list.reload} rows={5} />
          ) : (
            <View>
              <UnitSummary data={list.state.data} />
              <Text className='note'>按优先分从高到低排列（同分按申请先后）。</Text>
              {list.state.data.items.length === 0 ? (
                <EmptyState title='暂无申请' hint='会员在「疗休养」页申请后会显示在这里；也可以在下方推荐会员' />
              ) : (
                list.state.data.items.map((a) => (
                  <ApplicantCard
                    key={a.id}
                    a={a}
                    onDecided={() => {
                      list.reload();
                    }}
                  />
                ))
              )}
            </View>
          )}
        </View>
      )}
      <LocalTools />
    </View>
  );
}
