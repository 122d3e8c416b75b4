/** 单位设置: the admin's grassroots units; tap one to set its recuperation rules. */
import { View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { api } from '../../../../services/api';
import { useRemote } from '../../../../hooks/useRemote';
import { EmptyState } from '../../../../components/StateViews';
import { RemoteGate } from '../../../../components/RemoteView';
import LocalTools from '../../../../components/LocalTools';
import AdminLinks from '../AdminLinks';
import UnitPicker from '../UnitPicker';
import UnitForm from './UnitForm';
import { elderClass } from '../../../../utils/elderMode';
import '../../../recuperation/recuperation.css';

export default function UnitsPage() {
  const { state, reload } = useRemote(() => api.recuperation.adminUnits());
  const [unionId, setUnionId] = useState('');
  useEffect(() => {
    if (state.status === 'ready' && !unionId && state.data.units.length) setUnionId(state.data.units[0].unit.id);
  }, [state, unionId]);
  const unit = state.status === 'ready' ? state.data.units.find((u) => u.unit.id === unionId) : undefined;
  return (
    <View className={`page${elderClass()}`}>
      <AdminLinks current='units' />
      {state.status !== 'ready' ? (
        <RemoteGate state={state} reload={reload} rows={5} />
      ) : state.data.units.length === 0 ? (
        <EmptyState title='您管理的范围内没有基层工会' hint='疗休养以基层工会为单位开展，请由基层工会或其上级工会的管理员设置' />
      ) : (
        <View>
          <UnitPicker units={state.data.units} value={unionId} onChange={setUnionId} />
          {unit ? <UnitForm key={`${unit.unit.id}-${unit.quota}-${unit.approved}`} unit={unit} onSaved={reload} /> : null}
        </View>
      )}
      <LocalTools />
    </View>
  );
}
