/**
 * 开设暑托班 on the console (as packages/admin/daycare/create): the campaign (window from now for N
 * days, allocation rule, limits) for a union the admin manages. Every rule is checked again on
 * the server; the request id is kept until an answer arrives.
 */
import { useRef, useState } from 'react';
import type { CampaignView } from '../../../../shared/daycare/views';
import { api } from '../../api/api';
import { newRequestId } from '../../api/client';
import { useMe } from '../../components/MeContext';
import { campaignRequest, newCampaignForm, upcomingSummer } from '../../../../shared/daycare/forms';

export function DaycareCreate({ onCreated, onCancel }: { onCreated: (campaign: CampaignView) => void; onCancel: () => void }) {
  const me = useMe();
  const summer = upcomingSummer(new Date());
  const [form, setForm] = useState({ unionId: me.unions[0]?.id ?? '', ...newCampaignForm(summer) });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const rid = useRef(newRequestId());
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });

  const create = async () => {
    setError(null);
    const now = Date.now();
    setBusy(true);
    const res = await api.daycare.createCampaign(campaignRequest(form, form.unionId, summer, now), rid.current);
    setBusy(false);
    if (!res.ok) {
      if (res.error.code !== 'NETWORK') rid.current = newRequestId();
      return setError(res.error.message);
    }
    rid.current = newRequestId();
    onCreated(res.data.campaign);
  };

  return (
    <form className='form sub-form dc-create' onSubmit={(e) => e.preventDefault()}>
      <h3>开设暑托班</h3>
      <div className='form__row'>
        <label>
          主办工会
          <select value={form.unionId} onChange={(e) => set({ unionId: e.target.value })}>
            {me.unions.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label className='grow'>
          活动名称
          <input value={form.title} maxLength={40} onChange={(e) => set({ title: e.target.value })} />
        </label>
      </div>
      <div className='form__row'>
        <label>
          报名从现在开始，持续天数
          <input type='number' min={1} value={form.days} onChange={(e) => set({ days: e.target.value })} />
        </label>
        <label>
          录取方式
          <select value={form.mode} onChange={(e) => set({ mode: e.target.value as typeof form.mode })}>
            <option value='lottery'>按优先档次摇号</option>
            <option value='first_come'>先到先得</option>
          </select>
        </label>
        <label>
          每个孩子每个暑期可报期数
          <input type='number' min={1} max={4} value={form.periodLimit} onChange={(e) => set({ periodLimit: e.target.value })} />
        </label>
      </div>
      <div className='form__row'>
        <label>
          候补递补确认时限（小时）
          <input type='number' min={1} max={168} value={form.offerHours} onChange={(e) => set({ offerHours: e.target.value })} />
        </label>
        <label>
          出勤率要求（%），低于则不能报名下一期
          <input type='number' min={0} max={100} value={form.threshold} onChange={(e) => set({ threshold: e.target.value })} />
        </label>
      </div>
      <p className='note'>{summer} 年暑期。创建后在下方为活动添加托管点、班期（期次 × 年级段）和工作人员。</p>
      {error ? <p className='error-text'>{error}</p> : null}
      <div className='form__actions'>
        <button type='button' className='btn' disabled={busy || !form.title.trim()} onClick={() => void create()}>
          {busy ? '正在创建…' : '创建活动'}
        </button>
        <button type='button' className='btn btn--plain' onClick={onCancel}>
          取消
        </button>
      </div>
    </form>
  );
}
