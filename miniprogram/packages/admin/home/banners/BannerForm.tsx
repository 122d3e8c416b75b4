/**
 * A new banner for one of the admin's own unions: picture (the post-cover upload slot of that
 * union), title, what it opens (an in-app page, a published post or an open drop, picked from
 * lists, never typed), and its time window. Sent with a request id kept across a lost answer.
 */
import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { api } from '../../../../services/api';
import { useRemote } from '../../../../hooks/useRemote';
import { useRetrySafeCalls } from '../../../../hooks/useRetrySafeSend';
import { Button } from '../../../../components/Button';
import { DateTimeField } from '../../../../components/DateTimeField';
import ImagePicker from '../../../../components/ImagePicker';
import { formatBusiness } from '../../../../../shared/time';
import {
  BANNER_LINK_KINDS,
  BANNER_LINK_LABELS,
  BANNER_PAGE_KEYS,
  BANNER_PAGES,
  type BannerLink,
  type BannerLinkKind,
} from '../../../../../shared/system/banners';
import { useLinkChoices } from './linkChoices';

export default function BannerForm({ onCreated }: { onCreated: () => void }) {
  const profile = useRemote(api.member.profile);
  const unions = profile.state.status === 'ready' ? profile.state.data.adminUnions : [];
  const [unionIdx, setUnionIdx] = useState(0);
  const [title, setTitle] = useState('');
  const [image, setImage] = useState('');
  const [kind, setKind] = useState<BannerLinkKind>('page');
  const [link, setLink] = useState<BannerLink | null>(null);
  const [startAt, setStartAt] = useState(() => formatBusiness(Date.now(), 'YYYY-MM-DD HH:mm'));
  const [endAt, setEndAt] = useState(() => formatBusiness(Date.now() + 14 * 86_400_000, 'YYYY-MM-DD 23:59'));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { run } = useRetrySafeCalls();
  const choices = useLinkChoices(kind);
  const union = unions[unionIdx];
  if (!union) return null;

  const submit = async () => {
    const bad = !image
      ? '请上传轮播图图片'
      : title.trim().length < 2
        ? '请填写标题（2 个字以上）'
        : !link
          ? '请选择点击后打开的内容'
          : !startAt || !endAt
            ? '请选择展示时间'
            : null;
    if (bad) return setError(bad);
    setError(null);
    setSaving(true);
    const res = await run((requestId) =>
      api.system.adminCreateBanner({ unionId: union.id, title: title.trim(), image, link: link!, startAt, endAt }, { requestId }),
    );
    setSaving(false);
    if (!res.ok) return setError(res.error.message);
    setTitle('');
    setImage('');
    setLink(null);
    setDone(`「${res.data.banner.title}」已添加`);
    onCreated();
  };

  return (
    <View className='card hm-form'>
      <View className='section-title'>
        <Text>添加轮播图</Text>
      </View>
      {done ? <Text className='hm-done'>{done}</Text> : null}
      {unions.length > 1 ? (
        <View className='hm-field'>
          <Text className='hm-field__label'>发布工会</Text>
          <View className='hm-chips'>
            {unions.map((u, i) => (
              <Text key={u.id} className={`hm-chip ${i === unionIdx ? 'hm-chip--on' : ''}`} onClick={() => (setUnionIdx(i), setImage(''))}>
                {u.name}
              </Text>
            ))}
          </View>
        </View>
      ) : null}
      <ImagePicker label='图片（建议横图 750×300）' purpose='post_cover' unionId={union.id} value={image} onChange={setImage} />
      <View className='hm-field'>
        <Text className='hm-field__label'>标题</Text>
        <Input
          className='hm-field__input hm-title'
          nativeProps={{ 'aria-label': '标题' }}
          placeholder='如：暑托班开始报名'
          value={title}
          maxlength={30}
          onInput={(e) => setTitle(e.detail.value)}
        />
      </View>
      <View className='hm-field'>
        <Text className='hm-field__label'>点击后打开</Text>
        <View className='hm-chips'>
          {BANNER_LINK_KINDS.map((k) => (
            <Text key={k} className={`hm-chip hm-kind-${k} ${kind === k ? 'hm-chip--on' : ''}`} onClick={() => (setKind(k), setLink(null))}>
              {BANNER_LINK_LABELS[k]}
            </Text>
          ))}
        </View>
        <View className='hm-chips' style={{ marginTop: '16px' }}>
          {kind === 'page' ? (
            BANNER_PAGE_KEYS.map((key) => (
              <Text
                key={key}
                className={`hm-chip hm-page-${key} ${link?.id === key ? 'hm-chip--on' : ''}`}
                onClick={() => setLink({ kind: 'page', id: key })}
              >
                {BANNER_PAGES[key].title}
              </Text>
            ))
          ) : choices.status === 'loading' ? (
            <Text className='note'>正在加载…</Text>
          ) : choices.status === 'error' ? (
            <Text className='note'>{choices.message}</Text>
          ) : choices.items.length === 0 ? (
            <Text className='note'>
              {kind === 'post' ? '还没有已发布的文章或活动，可先在「活动与资讯」发布' : '没有未结束的福利，可先在「周五福利」发布'}
            </Text>
          ) : (
            choices.items.map((c) => (
              <Text key={c.id} className={`hm-chip ${link?.id === c.id ? 'hm-chip--on' : ''}`} onClick={() => setLink({ kind, id: c.id })}>
                {c.title}
              </Text>
            ))
          )}
        </View>
      </View>
      <DateTimeField label='开始展示' value={startAt} onChange={setStartAt} />
      <DateTimeField label='结束展示' value={endAt} onChange={setEndAt} />
      {error ? <Text className='hm-error'>{error}</Text> : null}
      <Button className='hm-btn hm-create' loading={saving} onClick={() => void submit()}>
        {saving ? '正在添加…' : '添加轮播图'}
      </Button>
    </View>
  );
}
