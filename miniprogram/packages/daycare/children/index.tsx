/**
 * 我的孩子: the guardian's separate consent for children's data, the children (full data: only
 * the guardian and the site's staff see it), adding and deleting, and the family circumstances
 * that give priority in the lottery.
 */
import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/Button';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../../services/api';
import { useRemote } from '../../../hooks/useRemote';
import { RemoteGate } from '../../../components/RemoteView';
import { CIRCUMSTANCES, CIRCUMSTANCE_LABELS, type Circumstance } from '../../../../shared/daycare/rules';
import type { ChildView, MyChildrenResult } from '../../../../shared/daycare/views';
import ChildForm from './ChildForm';
import { elderClass } from '../../../utils/elderMode';
import '../daycare.css';

function Consent({ onDone }: { onDone: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const agree = async () => {
    const res = await api.daycare.consent();
    if (res.ok) onDone();
    else setError(res.error.message);
  };
  return (
    <View className='card consent-card'>
      <View className='section-title'>儿童个人信息处理规则（监护人单独同意）</View>
      <Text className='dc-consent'>
        为办理暑托班报名，我们需要收集您孩子的姓名、性别、出生日期或年级、就读学校、紧急联系人及电话、健康提示。孩子未满 14
        周岁，这些信息属于敏感个人信息：仅用于报名、录取和托管期间的照护，只有您和孩子所在托管点的工作人员可以查看，工会管理员看到的是脱敏姓名；不收集身份证号。孩子没有报名或名额时，您可以随时删除孩子的全部信息。
      </Text>
      {error ? <Text className='dc-error'>{error}</Text> : null}
      <Button className='dc-btn dc-btn--wide consent-agree' onClick={() => void agree()}>
        我是孩子的监护人，同意上述处理
      </Button>
    </View>
  );
}

function ChildCard({ child, onChanged }: { child: ChildView; onChanged: () => void }) {
  const remove = async () => {
    const confirm = await Taro.showModal({ title: '删除孩子信息', content: `将删除${child.name}的全部信息，且不可恢复。` });
    if (!confirm.confirm) return;
    const res = await api.daycare.deleteChild(child.id);
    void Taro.showToast({ title: res.ok ? '已删除' : res.error.message, icon: 'none' });
    if (res.ok) onChanged();
  };
  return (
    <View className='card child-card'>
      <View className='dc-campaign__head'>
        <Text className='dc-campaign__title'>{child.name}</Text>
        <Text className='dc-badge'>{child.gender === 'male' ? '男' : '女'}</Text>
      </View>
      <Text className='dc-meta'>
        {child.grade ? `${child.grade}年级` : child.birthDate ? `出生日期 ${child.birthDate}` : ''} · {child.school}
      </Text>
      <Text className='dc-meta'>
        紧急联系人：{child.emergencyName} {child.emergencyPhone}
      </Text>
      {child.healthNotes ? <Text className='dc-meta'>健康提示：{child.healthNotes}</Text> : null}
      {child.barredReason ? <Text className='dc-warn'>{child.barredReason}</Text> : null}
      {child.hasCurrentPlace ? (
        <Text className='dc-meta'>孩子当前有报名或名额，取消后才能删除。</Text>
      ) : (
        <Button className='dc-btn dc-btn--plain delete-child' onClick={() => void remove()}>
          删除
        </Button>
      )}
    </View>
  );
}

function Family({ data, onSaved }: { data: MyChildrenResult['family']; onSaved: () => void }) {
  const [chosen, setChosen] = useState<Circumstance[]>(data.circumstances.map((c) => c.kind));
  const [msg, setMsg] = useState<string | null>(null);
  const toggle = (k: Circumstance) => setChosen((p) => (p.includes(k) ? p.filter((x) => x !== k) : [...p, k]));
  const save = async () => {
    const res = await api.daycare.declareFamily(chosen);
    setMsg(res.ok ? '已保存，工会将核实' : res.error.message);
    if (res.ok) onSaved();
  };
  return (
    <View className='card family-card'>
      <View className='section-title'>家庭情况（优先档次）</View>
      <View className='dc-chips'>
        {CIRCUMSTANCES.map((k) => (
          <Text key={k} className={`dc-chip circ-${k} ${chosen.includes(k) ? 'dc-chip--on' : ''}`} onClick={() => toggle(k)}>
            {CIRCUMSTANCE_LABELS[k]}
          </Text>
        ))}
      </View>
      {data.circumstances.map((c) => (
        <Text key={c.kind} className='dc-meta'>
          {c.label}：{c.statusLabel}
        </Text>
      ))}
      <Text className='dc-meta'>如实申报，工会将核实；核实未通过的情况不计入优先档次。报名截止后申报的不计入当期摇号。</Text>
      {msg ? <Text className='dc-meta'>{msg}</Text> : null}
      <Button className='dc-btn dc-btn--wide save-family' onClick={() => void save()}>
        保存家庭情况
      </Button>
    </View>
  );
}

export default function ChildrenPage() {
  const { state, reload } = useRemote(api.daycare.myChildren);
  if (state.status !== 'ready') return <RemoteGate state={state} reload={reload} rows={4} page='page' />;
  const d = state.data;
  return (
    <View className={`page daycare-children${elderClass()}`}>
      {!d.consented ? (
        <Consent onDone={reload} />
      ) : (
        <View>
          {d.children.length === 0 ? <Text className='dc-meta'>还没有登记孩子，请在下方添加。</Text> : null}
          {d.children.map((c) => (
            <ChildCard key={c.id} child={c} onChanged={reload} />
          ))}
          <ChildForm onAdded={reload} />
          <Family data={d.family} onSaved={reload} />
        </View>
      )}
    </View>
  );
}
