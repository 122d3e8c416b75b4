/**
 * 发布福利: title, kind, optional picture (选择图片: uploaded to cloud storage through a slot for
 * the chosen union), stock, per-member limit, mode, opening (default next Friday 10:00),
 * optional member tags, and where to redeem (兑换地点: name, address, hours, optional phone and
 * map position; none for 流量/话费). Closing (+1 day) and redemption deadline (+30 days) take the server's
 * defaults. The request id is kept until an answer arrives, so a double tap publishes once.
 */
import { Input, Picker, Text, View } from '@tarojs/components';
import { Button } from '../../../../components/Button';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../../../services/api';
import { useRetrySafeCalls } from '../../../../hooks/useRetrySafeSend';
import { useRemote } from '../../../../hooks/useRemote';
import { RemoteGate } from '../../../../components/RemoteView';
import ImagePicker from '../../../../components/ImagePicker';
import {
  DROP_KINDS,
  DROP_KIND_LABELS,
  DROP_MODES,
  DROP_MODE_LABELS,
  type DropKind,
  type DropMode,
} from '../../../../../shared/benefit/kinds';
import { defaultOpening } from '../../../../../shared/benefit/rules';
import { MEMBER_TAGS, MEMBER_TAG_LABELS, type MemberTag } from '../../../../../shared/member/tags';
import { formatBusiness, fromBusinessWallClock } from '../../../../../shared/time';
import { elderClass } from '../../../../utils/elderMode';
import VenueFields from './VenueFields';
import { EMPTY_VENUE_FORM, venueFromForm } from './venueForm';
import '../../../benefit/benefit.css';

export default function CreateDropPage() {
  const { state, reload } = useRemote(api.benefit.adminList);
  const opening = defaultOpening(Date.now());
  const [unionIdx, setUnionIdx] = useState(0);
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<DropKind>('data');
  const [stock, setStock] = useState('100');
  const [limit, setLimit] = useState('1');
  const [mode, setMode] = useState<DropMode>('first_come');
  const [date, setDate] = useState(formatBusiness(opening, 'YYYY-MM-DD'));
  const [time, setTime] = useState(formatBusiness(opening, 'HH:mm'));
  const [tags, setTags] = useState<MemberTag[]>([]);
  const [picture, setPicture] = useState('');
  const [venue, setVenue] = useState(EMPTY_VENUE_FORM);
  const [saving, setSaving] = useState(false);
  const { run } = useRetrySafeCalls();

  if (state.status !== 'ready') return <RemoteGate state={state} reload={reload} rows={6} page='page' bare />;
  const unions = state.data.unions;

  const submit = async () => {
    const union = unions[unionIdx];
    if (!union) return;
    const place = venueFromForm(venue);
    if (!place.ok) {
      void Taro.showModal({ title: '请检查兑换地点', content: place.problem, showCancel: false });
      return;
    }
    setSaving(true);
    const res = await run((requestId) =>
      api.benefit.adminCreate(
        {
          unionId: union.id,
          title: title.trim(),
          kind,
          stock: Number(stock),
          perMemberLimit: mode === 'draw' ? 1 : Number(limit),
          mode,
          opensAt: fromBusinessWallClock(`${date} ${time}`).getTime(),
          ...(tags.length ? { requiredTags: tags } : {}),
          ...(picture ? { picture } : {}),
          ...(place.venue ? { venue: place.venue } : {}),
        },
        requestId,
      ),
    );
    setSaving(false);
    if (!res.ok) {
      void Taro.showModal({ title: '未能发布', content: res.error.message, showCancel: false });
      return;
    }
    await Taro.showToast({ title: '已发布', icon: 'success' });
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
    else void Taro.redirectTo({ url: '/packages/admin/benefit/index/index' });
  };

  return (
    <View className={`page${elderClass()}`}>
      <View className='card'>
        <View className='bf-field'>
          <Text className='bf-field__label'>发布工会</Text>
          <Picker
            mode='selector'
            range={unions.map((u) => u.name)}
            value={unionIdx}
            onChange={(e) => {
              setUnionIdx(Number(e.detail.value));
              setPicture(''); // an uploaded picture belongs to the union it was uploaded for
            }}
          >
            <Text>{unions[unionIdx]?.name ?? '无可管理的工会'}</Text>
          </Picker>
        </View>
        <View className='bf-field'>
          <Text className='bf-field__label'>福利名称</Text>
          <Input
            className='bf-field__input'
            name='title'
            placeholder='如：10GB 流量包'
            value={title}
            maxlength={40}
            onInput={(e) => setTitle(e.detail.value)}
          />
        </View>
        <ImagePicker
          label='福利图片（选填）'
          purpose='drop_picture'
          unionId={unions[unionIdx]?.id ?? ''}
          value={picture}
          onChange={setPicture}
        />
        <View className='bf-field'>
          <Text className='bf-field__label'>福利类型</Text>
          <View className='bf-chips'>
            {DROP_KINDS.map((k) => (
              <Text key={k} className={`bf-chip ${kind === k ? 'bf-chip--on' : ''}`} onClick={() => setKind(k)}>
                {DROP_KIND_LABELS[k]}
              </Text>
            ))}
          </View>
        </View>
        <View className='bf-field'>
          <Text className='bf-field__label'>发放方式</Text>
          <View className='bf-chips'>
            {DROP_MODES.map((m) => (
              <Text key={m} className={`bf-chip ${mode === m ? 'bf-chip--on' : ''}`} onClick={() => setMode(m)}>
                {DROP_MODE_LABELS[m]}
              </Text>
            ))}
          </View>
        </View>
        <View className='bf-field'>
          <Text className='bf-field__label'>总份数</Text>
          <Input
            className='bf-field__input'
            nativeProps={{ 'aria-label': '数量' }}
            name='stock'
            type='number'
            value={stock}
            onInput={(e) => setStock(e.detail.value)}
          />
        </View>
        {mode === 'first_come' ? (
          <View className='bf-field'>
            <Text className='bf-field__label'>每人限领</Text>
            <Input
              className='bf-field__input'
              nativeProps={{ 'aria-label': '每人限领' }}
              name='limit'
              type='number'
              value={limit}
              onInput={(e) => setLimit(e.detail.value)}
            />
          </View>
        ) : null}
        <View className='bf-field'>
          <Text className='bf-field__label'>{mode === 'draw' ? '抽签时间' : '开抢时间'}</Text>
          <Picker mode='date' value={date} onChange={(e) => setDate(e.detail.value)}>
            <Text>{date}</Text>
          </Picker>
          <Picker mode='time' style={{ marginLeft: '24px' }} value={time} onChange={(e) => setTime(e.detail.value)}>
            <Text>{time}</Text>
          </Picker>
        </View>
        <View className='bf-field'>
          <Text className='bf-field__label'>限定标签</Text>
          <View className='bf-chips'>
            {MEMBER_TAGS.map((t) => (
              <Text
                key={t}
                className={`bf-chip ${tags.includes(t) ? 'bf-chip--on' : ''}`}
                onClick={() => setTags((prev) => (prev.includes(t) ? prev.filter((x) => x !== t) : [...prev, t]))}
              >
                {MEMBER_TAG_LABELS[t]}
              </Text>
            ))}
          </View>
        </View>
        <VenueFields value={venue} onChange={setVenue} />
        <Text className='note' style={{ display: 'block', marginTop: '16px' }}>
          {mode === 'draw'
            ? '会员即日起可报名，抽签前 1 小时截止；开奖时公布种子，任何人可复核名单。'
            : '领取截止为开抢后 1 天，兑换码 30 天内有效。'}
        </Text>
        <Button className='bf-primary' loading={saving} disabled={saving || !title.trim()} onClick={() => void submit()}>
          发布
        </Button>
      </View>
    </View>
  );
}
