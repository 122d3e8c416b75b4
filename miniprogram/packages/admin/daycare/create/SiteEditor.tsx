/** Add a site to a campaign, then its periods × bands, then its staff (by member card number). */
import { Text, View } from '@tarojs/components';
import { Button } from '../../../../components/Button';
import { useState } from 'react';
import { api } from '../../../../services/api';
import { useRetrySafeCalls } from '../../../../hooks/useRetrySafeSend';
import type { CampaignView } from '../../../../../shared/daycare/views';
import { newSlotForm } from '../../../../../shared/daycare/forms';
import { Chips, Field } from './Field';

export default function SiteEditor({
  campaign,
  hosts,
  onChanged,
}: {
  campaign: CampaignView;
  hosts: Array<{ id: string; name: string }>;
  onChanged: () => void;
}) {
  const [site, setSite] = useState({
    name: '',
    address: '',
    contactName: '',
    contactPhone: '',
    hostUnionId: hosts[0]?.id ?? campaign.unionId,
    kind: 'science' as 'science' | 'arts',
  });
  const [pos, setPos] = useState({ lat: '', lng: '' }); // optional map position: parents get 查看位置
  const [slot, setSlot] = useState(() => newSlotForm(campaign.summer));
  const [staff, setStaff] = useState({ siteId: '', cardNos: '' });
  const [msg, setMsg] = useState<string | null>(null);
  // One open request per kind of change: a retry after a lost answer repeats that change only.
  const { run } = useRetrySafeCalls();
  const done = (text: string) => {
    setMsg(text);
    onChanged();
  };

  const addSite = async () => {
    const [lat, lng] = [pos.lat.trim(), pos.lng.trim()];
    if (!!lat !== !!lng) return setMsg('地图位置需要同时填写纬度和经度，或都不填');
    const location = lat ? { location: { lat: Number(lat), lng: Number(lng) } } : {};
    const res = await run(
      (requestId) => api.daycare.adminAddSite({ campaignId: campaign.id, ...site, ...location }, { requestId }),
      'site',
    );
    if (res.ok) done(`已添加托管点：${res.data.site.name}`);
    else setMsg(res.error.message);
  };
  const addSlot = async () => {
    const res = await run(
      (requestId) =>
        api.daycare.adminAddSlot(
          { ...slot, siteId: slot.siteId || campaign.sites[0]?.id || '', capacity: Number(slot.capacity) },
          { requestId },
        ),
      'slot',
    );
    if (res.ok) done(`已添加班期：${res.data.slot.periodName} ${res.data.slot.bandLabel}`);
    else setMsg(res.error.message);
  };
  const setStaffCards = async () => {
    const cardNos = staff.cardNos.split(/[,，\s]+/).filter(Boolean);
    const res = await api.daycare.adminSetStaff({ siteId: staff.siteId || campaign.sites[0]?.id || '', cardNos });
    if (res.ok) done(`已设置 ${res.data.site.staff.length} 名工作人员`);
    else setMsg(res.error.message);
  };
  const siteOptions = campaign.sites.map((s) => [s.id, s.name] as [string, string]);

  return (
    <View>
      <View className='card'>
        <View className='section-title'>添加托管点</View>
        <Chips
          options={hosts.map((h) => [h.id, h.name] as [string, string])}
          value={site.hostUnionId}
          onChange={(v) => setSite({ ...site, hostUnionId: v })}
        />
        <Field label='托管点名称' value={site.name} onChange={(v) => setSite({ ...site, name: v })} />
        <Field label='地址' value={site.address} onChange={(v) => setSite({ ...site, address: v })} />
        <Field label='联系人' value={site.contactName} onChange={(v) => setSite({ ...site, contactName: v })} />
        <Field
          label='联系电话'
          value={site.contactPhone}
          onChange={(v) => setSite({ ...site, contactPhone: v })}
          placeholder='手机或 0574-xxxxxxxx'
        />
        <Field label='地图纬度（选填）' value={pos.lat} onChange={(v) => setPos({ ...pos, lat: v })} placeholder='如：29.9012' />
        <Field label='地图经度（选填）' value={pos.lng} onChange={(v) => setPos({ ...pos, lng: v })} placeholder='如：121.8476' />
        <Chips
          options={[
            ['science', '科技'],
            ['arts', '文艺'],
          ]}
          value={site.kind}
          onChange={(v) => setSite({ ...site, kind: v })}
        />
        <Button className='dc-btn dc-btn--wide' onClick={() => void addSite()}>
          添加托管点
        </Button>
      </View>
      {campaign.sites.length ? (
        <View className='card'>
          <View className='section-title'>添加班期（期次 × 年级段）</View>
          <Chips options={siteOptions} value={slot.siteId || campaign.sites[0].id} onChange={(v) => setSlot({ ...slot, siteId: v })} />
          <Field label='期次名称' value={slot.periodName} onChange={(v) => setSlot({ ...slot, periodName: v })} />
          <Field label='开班日期' value={slot.startDate} onChange={(v) => setSlot({ ...slot, startDate: v })} />
          <Field label='结班日期' value={slot.endDate} onChange={(v) => setSlot({ ...slot, endDate: v })} />
          <Chips
            options={[
              ['lower', '一至三年级'],
              ['upper', '四至六年级'],
            ]}
            value={slot.band}
            onChange={(v) => setSlot({ ...slot, band: v })}
          />
          <Field label='名额' type='number' value={slot.capacity} onChange={(v) => setSlot({ ...slot, capacity: v })} />
          <Button className='dc-btn dc-btn--wide' onClick={() => void addSlot()}>
            添加班期
          </Button>
        </View>
      ) : null}
      {campaign.sites.length ? (
        <View className='card'>
          <View className='section-title'>托管点工作人员</View>
          <Chips options={siteOptions} value={staff.siteId || campaign.sites[0].id} onChange={(v) => setStaff({ ...staff, siteId: v })} />
          <Field label='会员卡号（多个用逗号分隔）' value={staff.cardNos} onChange={(v) => setStaff({ ...staff, cardNos: v })} />
          <Text className='dc-meta'>工作人员可查看本托管点花名册与儿童信息、登记出勤、导出花名册。</Text>
          <Button className='dc-btn dc-btn--wide' onClick={() => void setStaffCards()}>
            保存工作人员
          </Button>
        </View>
      ) : null}
      {msg ? <Text className='dc-warn'>{msg}</Text> : null}
    </View>
  );
}
