/**
 * Publish an article or activity for my union: title, summary, cover (选择图片: uploaded to cloud
 * storage through a slot issued for the publishing union), body (HTML or plain text; the server
 * keeps only safe tags), time, place, online sign-up with capacity and deadline; then save as
 * draft, publish now, or schedule. Editing keeps a version history.
 */
import { Input, Picker, RichText, Switch, Text, Textarea, View } from '@tarojs/components';
import { Button } from '../../../../components/Button';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState, type ComponentProps } from 'react';
import type { AdminGetResult, UnionBrief, RichNodeList } from './types';
import { api } from '../../../../services/api';
import { useRetrySafeCalls } from '../../../../hooks/useRetrySafeSend';
import { ErrorState, Skeleton } from '../../../../components/StateViews';
import ImagePicker from '../../../../components/ImagePicker';
import { DateTimeField } from '../../../../components/DateTimeField';
import { revealProblems } from '../../../../utils/formProblems';
import { blankForm, formFromPost, toRequest, type EditorForm } from './form';
import { elderClass } from '../../../../utils/elderMode';
import '../admin.css';

type Load = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready' };

function Field({
  label,
  value,
  onInput,
  placeholder,
  name,
}: {
  label: string;
  value: string;
  onInput: (v: string) => void;
  placeholder?: string;
  name?: string;
}) {
  return (
    <View className={`ca-field ${name ? `field-${name}` : ''}`}>
      <Text className='ca-label'>{label}</Text>
      <Input
        className='ca-input'
        nativeProps={{ 'aria-label': label }}
        value={value}
        placeholder={placeholder}
        onInput={(e) => onInput(e.detail.value)}
      />
    </View>
  );
}

export default function EditPage() {
  const { params } = useRouter();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [unions, setUnions] = useState<UnionBrief[]>([]);
  const [form, setForm] = useState<EditorForm | null>(null);
  const [history, setHistory] = useState<AdminGetResult['revisions']>([]);
  const [preview, setPreview] = useState<RichNodeList | null>(null);
  const [busy, setBusy] = useState(false);
  const { run } = useRetrySafeCalls();
  const set = (patch: Partial<EditorForm>) => setForm((f) => (f ? { ...f, ...patch } : f));

  useEffect(() => {
    void (async () => {
      const list = await api.content.adminList({ limit: 1 });
      if (!list.ok) return setLoad({ status: 'error', message: list.error.message });
      setUnions(list.data.unions);
      if (params.id) {
        const got = await api.content.adminGet(params.id);
        if (!got.ok) return setLoad({ status: 'error', message: got.error.message });
        setForm(formFromPost(got.data.post, Date.now()));
        setHistory(got.data.revisions);
        setPreview(got.data.post.body);
      } else {
        setForm(blankForm(params.kind === 'article' ? 'article' : 'activity', list.data.unions[0]?.id ?? '', Date.now()));
      }
      setLoad({ status: 'ready' });
    })();
  }, [params.id, params.kind]);

  if (load.status === 'loading' || (load.status === 'ready' && !form))
    return (
      <View className={`page${elderClass()}`}>
        <View className='card'>
          <Skeleton rows={8} />
        </View>
      </View>
    );
  if (load.status === 'error')
    return (
      <View className={`page${elderClass()}`}>
        <ErrorState message={load.message} />
      </View>
    );
  const f = form as EditorForm;

  const submit = async (mode: 'draft' | 'now' | 'schedule') => {
    const problems = formProblems(f, mode);
    if (problems.length) return revealProblems(problems);
    if (mode === 'now' && !f.id) {
      const sure = await Taro.showModal({ title: '立即发布', content: '发布后关注本工会的会员马上就能看到，确定发布吗？' });
      if (!sure.confirm) return;
    }
    setBusy(true);
    const saved = await run((requestId) => api.content.adminSave(toRequest(f), { requestId }));
    if (!saved.ok) {
      setBusy(false);
      return void Taro.showToast({ title: saved.error.message, icon: 'none' });
    }
    set({ id: saved.data.post.id });
    setPreview(saved.data.post.body);
    if (saved.data.sanitized) void Taro.showToast({ title: '正文中不安全的内容已被移除', icon: 'none' });
    if (mode !== 'draft' && saved.data.post.status !== 'published') {
      const pub = await api.content.adminPublish(saved.data.post.id, mode === 'schedule' ? f.publishAt.trim() : undefined);
      setBusy(false);
      if (!pub.ok) return void Taro.showToast({ title: pub.error.message, icon: 'none' });
      await Taro.showToast({ title: mode === 'schedule' ? '已设置定时发布' : '发布成功', icon: 'success' });
    } else {
      setBusy(false);
      await Taro.showToast({ title: saved.data.post.status === 'published' ? '已更新' : '草稿已保存', icon: 'success' });
    }
    // Opened as the first page (a shared link, a notification, a relaunch) there is nothing to go back
    // to: WeChat rejects navigateBack and the admin would stay on the form; go to the list instead.
    if (mode !== 'draft')
      setTimeout(
        () =>
          Taro.getCurrentPages().length > 1
            ? void Taro.navigateBack()
            : void Taro.redirectTo({ url: '/packages/admin/content/list/index' }),
        600,
      );
  };

  const unionIndex = Math.max(
    0,
    unions.findIndex((u) => u.id === f.unionId),
  );
  return (
    <View className={`page ca-edit${elderClass()}`}>
      <View className='card'>
        <View className='section-title'>
          <Text>
            {f.id ? '编辑' : '新建'}
            {f.kind === 'activity' ? '活动' : '资讯'}
          </Text>
        </View>
        <View className='ca-field'>
          <Text className='ca-label'>发布工会</Text>
          {unions.length > 1 && !f.id ? (
            <Picker
              mode='selector'
              range={unions.map((u) => u.name)}
              value={unionIndex}
              // An uploaded cover belongs to the union it was uploaded for: another union needs its own.
              onChange={(e) =>
                set({ unionId: unions[Number(e.detail.value)].id, ...(f.cover.startsWith('cloud://') ? { cover: '' } : {}) })
              }
            >
              <View className='ca-input'>{unions[unionIndex]?.name}</View>
            </Picker>
          ) : (
            <View className='ca-input'>{unions.find((u) => u.id === f.unionId)?.name ?? f.unionId}</View>
          )}
        </View>
        <Field name='title' label='标题' value={f.title} placeholder='2–60 个字' onInput={(v) => set({ title: v })} />
        <Field label='摘要（选填，默认取正文开头）' value={f.summary} onInput={(v) => set({ summary: v })} />
        <ImagePicker
          label='封面图片（选填）'
          purpose='post_cover'
          unionId={f.unionId}
          value={f.cover}
          onChange={(cover) => set({ cover })}
        />
        <View className='ca-field'>
          <Text className='ca-label'>正文（可直接输入文字，或粘贴排版内容；仅保留段落、标题、加粗、列表、图片和链接）</Text>
          <Textarea
            className='ca-textarea'
            value={f.bodyHtml}
            maxlength={50000}
            placeholder='请输入正文'
            onInput={(e) => set({ bodyHtml: e.detail.value })}
          />
        </View>
      </View>

      {f.kind === 'activity' ? (
        <View className='card'>
          <View className='section-title'>
            <Text>活动安排</Text>
          </View>
          <DateTimeField className='field-startAt' label='开始时间（北京时间）' value={f.startAt} onChange={(v) => set({ startAt: v })} />
          <DateTimeField label='结束时间（选填）' optional value={f.endAt} onChange={(v) => set({ endAt: v })} />
          <Field name='place' label='活动地点' value={f.place} placeholder='如：北仑区职工文化中心' onInput={(v) => set({ place: v })} />
          <Field name='phone' label='咨询电话（选填）' value={f.phone} placeholder='如：0574-86881234' onInput={(v) => set({ phone: v })} />
          <Field name='lat' label='地图纬度（选填）' value={f.lat} placeholder='如：29.9031' onInput={(v) => set({ lat: v })} />
          <Field name='lng' label='地图经度（选填）' value={f.lng} placeholder='如：121.8452' onInput={(v) => set({ lng: v })} />
          <View className='ca-switch-row'>
            <Text>线上报名、线下参加</Text>
            <Switch
              nativeProps={{ 'aria-label': '线上报名' }}
              checked={f.signupEnabled}
              color='#d7000f'
              onChange={(e) => set({ signupEnabled: e.detail.value })}
            />
          </View>
          {f.signupEnabled ? (
            <>
              <Field name='capacity' label='报名名额（人）' value={f.capacity} onInput={(v) => set({ capacity: v.replace(/\D/g, '') })} />
              <DateTimeField
                label='报名截止时间（选填，默认活动开始前）'
                optional
                value={f.deadline}
                onChange={(v) => set({ deadline: v })}
              />
            </>
          ) : null}
        </View>
      ) : null}

      <View className='card'>
        <Button className='ca-btn' disabled={busy} onClick={() => void submit('now')}>
          {f.id ? '保存并发布' : '立即发布'}
        </Button>
        <Button className='ca-btn ca-btn--ghost' disabled={busy} onClick={() => void submit('draft')}>
          保存草稿
        </Button>
        <DateTimeField className='field-publishAt' label='定时发布时间' value={f.publishAt} onChange={(v) => set({ publishAt: v })} />
        <Button className='ca-btn ca-btn--ghost' disabled={busy} onClick={() => void submit('schedule')}>
          定时发布
        </Button>
      </View>

      {preview ? (
        <View className='card'>
          <View className='section-title'>
            <Text>正文预览（会员看到的样子）</Text>
          </View>
          <RichText nodes={preview as ComponentProps<typeof RichText>['nodes']} />
        </View>
      ) : null}
      {history.length ? (
        <View className='card'>
          <View className='section-title'>
            <Text>修改记录</Text>
          </View>
          {history.map((r) => (
            <Text key={r.version} className='ca-line'>
              v{r.version} · {r.actionLabel} · {r.by} · {r.at}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}

/** What must be filled in before saving (the server checks the same and more). */
function formProblems(f: EditorForm, mode: 'draft' | 'now' | 'schedule'): { selector: string; message: string }[] {
  const out: { selector: string; message: string }[] = [];
  if (f.title.trim().length < 2) out.push({ selector: '.field-title', message: '请填写标题（2–60 个字）' });
  if (f.kind === 'activity') {
    if (!f.startAt.trim()) out.push({ selector: '.field-startAt', message: '请选择活动开始时间' });
    if (!f.place.trim()) out.push({ selector: '.field-place', message: '请填写活动地点' });
    if (!!f.lat.trim() !== !!f.lng.trim()) out.push({ selector: '.field-lat', message: '地图位置需要同时填写纬度和经度，或都不填' });
    if (f.signupEnabled && !/^[1-9]\d*$/.test(f.capacity)) out.push({ selector: '.field-capacity', message: '请填写报名名额' });
  }
  if (mode === 'schedule' && !f.publishAt.trim()) out.push({ selector: '.field-publishAt', message: '请选择定时发布时间' });
  return out;
}
