/**
 * 托管点与班期 of one campaign (as the mini-program's SiteEditor): add a site, then its periods ×
 * grade bands with capacity, then its staff by member card number. Each answer is shown; the
 * campaign is reloaded so the tables above show the new site or class.
 */
import { useRef, useState } from 'react';
import type { CampaignView } from '../../../../shared/daycare/views';
import { newSlotForm } from '../../../../shared/daycare/forms';
import { api } from '../../api/api';
import { newRequestId } from '../../api/client';

export function SiteEditor({ campaign, onChanged }: { campaign: CampaignView; onChanged: () => void }) {
  const firstSite = campaign.sites[0]?.id ?? '';
  const [site, setSite] = useState({ name: '', address: '', contactName: '', contactPhone: '', kind: 'science' as 'science' | 'arts' });
  const [slot, setSlot] = useState(() => newSlotForm(campaign.summer));
  const [staff, setStaff] = useState({ siteId: '', cardNos: '' });
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const rid = useRef(newRequestId());
  const done = (text: string) => {
    setMsg({ ok: true, text });
    rid.current = newRequestId();
    onChanged();
  };
  const failed = (code: string, text: string) => {
    if (code !== 'NETWORK') rid.current = newRequestId();
    setMsg({ ok: false, text });
  };

  const addSite = async () => {
    const res = await api.daycare.addSite({ campaignId: campaign.id, hostUnionId: campaign.unionId, ...site }, rid.current);
    if (res.ok) done(`已添加托管点：${res.data.site.name}`);
    else failed(res.error.code, res.error.message);
  };
  const addSlot = async () => {
    const res = await api.daycare.addSlot({ ...slot, siteId: slot.siteId || firstSite, capacity: Number(slot.capacity) }, rid.current);
    if (res.ok) done(`已添加班期：${res.data.slot.periodName} ${res.data.slot.bandLabel}`);
    else failed(res.error.code, res.error.message);
  };
  const saveStaff = async () => {
    const cardNos = staff.cardNos.split(/[,，\s]+/).filter(Boolean);
    const res = await api.daycare.setStaff({ siteId: staff.siteId || firstSite, cardNos });
    if (res.ok) done(`已设置 ${res.data.site.staff.length} 名工作人员`);
    else failed(res.error.code, res.error.message);
  };
  const siteSelect = (value: string, onChange: (v: string) => void) => (
    <label>
      托管点
      <select value={value || firstSite} onChange={(e) => onChange(e.target.value)}>
        {campaign.sites.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className='dc-sites'>
      <form className='form sub-form' onSubmit={(e) => e.preventDefault()}>
        <h3>添加托管点（承办：{campaign.unionName}）</h3>
        <div className='form__row'>
          <label>
            托管点名称
            <input value={site.name} maxLength={40} onChange={(e) => setSite({ ...site, name: e.target.value })} />
          </label>
          <label className='grow'>
            地址
            <input value={site.address} maxLength={80} onChange={(e) => setSite({ ...site, address: e.target.value })} />
          </label>
        </div>
        <div className='form__row'>
          <label>
            联系人
            <input value={site.contactName} maxLength={20} onChange={(e) => setSite({ ...site, contactName: e.target.value })} />
          </label>
          <label>
            联系电话
            <input
              value={site.contactPhone}
              placeholder='手机或 0574-xxxxxxxx'
              onChange={(e) => setSite({ ...site, contactPhone: e.target.value })}
            />
          </label>
          <label>
            班型
            <select value={site.kind} onChange={(e) => setSite({ ...site, kind: e.target.value as 'science' | 'arts' })}>
              <option value='science'>科技</option>
              <option value='arts'>文艺</option>
            </select>
          </label>
        </div>
        <div className='form__actions'>
          <button type='button' className='btn btn--plain' onClick={() => void addSite()}>
            添加托管点
          </button>
        </div>
      </form>
      {campaign.sites.length ? (
        <form className='form sub-form' onSubmit={(e) => e.preventDefault()}>
          <h3>添加班期（期次 × 年级段）</h3>
          <div className='form__row'>
            {siteSelect(slot.siteId, (v) => setSlot({ ...slot, siteId: v }))}
            <label>
              期次名称
              <input value={slot.periodName} maxLength={20} onChange={(e) => setSlot({ ...slot, periodName: e.target.value })} />
            </label>
            <label>
              开班日期
              <input type='date' value={slot.startDate} onChange={(e) => setSlot({ ...slot, startDate: e.target.value })} />
            </label>
            <label>
              结班日期
              <input type='date' value={slot.endDate} onChange={(e) => setSlot({ ...slot, endDate: e.target.value })} />
            </label>
            <label>
              年级段
              <select value={slot.band} onChange={(e) => setSlot({ ...slot, band: e.target.value as 'lower' | 'upper' })}>
                <option value='lower'>一至三年级</option>
                <option value='upper'>四至六年级</option>
              </select>
            </label>
            <label>
              名额
              <input
                type='number'
                min={1}
                max={500}
                value={slot.capacity}
                onChange={(e) => setSlot({ ...slot, capacity: e.target.value })}
              />
            </label>
          </div>
          <div className='form__actions'>
            <button type='button' className='btn btn--plain' onClick={() => void addSlot()}>
              添加班期
            </button>
          </div>
        </form>
      ) : null}
      {campaign.sites.length ? (
        <form className='form sub-form' onSubmit={(e) => e.preventDefault()}>
          <h3>托管点工作人员</h3>
          <div className='form__row'>
            {siteSelect(staff.siteId, (v) => setStaff({ ...staff, siteId: v }))}
            <label className='grow'>
              会员卡号（多个用逗号分隔）
              <input value={staff.cardNos} onChange={(e) => setStaff({ ...staff, cardNos: e.target.value })} />
            </label>
          </div>
          <p className='note'>工作人员可查看本托管点花名册与儿童信息、登记出勤、导出花名册。</p>
          <div className='form__actions'>
            <button type='button' className='btn btn--plain' onClick={() => void saveStaff()}>
              保存工作人员
            </button>
          </div>
        </form>
      ) : null}
      {msg ? <p className={msg.ok ? 'ok-text' : 'error-text'}>{msg.text}</p> : null}
    </div>
  );
}
