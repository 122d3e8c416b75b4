/**
 * Write or edit an article / activity with the phone preview beside it: 保存草稿 (content.adminSave,
 * a new revision each time), 立即发布 or 定时发布 (adminPublish), 撤回 (adminWithdraw, with a reason).
 * The preview updates as one types and shows exactly what the mini-program will show.
 */
import { useMemo, useRef, useState } from 'react';
import type { AdminSaveRequest } from '../../../shared/content/schemas';
import { STATUS_LABELS, type AdminPostView, type UnionBrief } from '../../../shared/content/views';
import { formatBusiness } from '../../../shared/time';
import { api } from '../api/api';
import { newRequestId } from '../api/client';
import { PhonePreview } from '../components/PhonePreview';
import { RichEditor } from '../components/RichEditor';
import { PicturePicker } from '../components/PicturePicker';

interface Form {
  unionId: string;
  kind: 'article' | 'activity';
  title: string;
  summary: string;
  cover: string;
  bodyHtml: string;
  startAt: string;
  place: string;
  signupEnabled: boolean;
  capacity: string;
  deadline: string;
  publishAt: string;
}

/** `<input type=datetime-local>` gives "YYYY-MM-DDTHH:mm"; the schemas take "YYYY-MM-DD HH:mm" (Beijing wall clock). */
const wall = (v: string) => v.replace('T', ' ');
const local = (v: string | null | undefined) => (v ? v.replace(' ', 'T') : '');

function formOf(post: AdminPostView | null, unions: UnionBrief[]): Form {
  return {
    unionId: post?.union.id ?? unions[0]?.id ?? '',
    kind: post?.kind ?? 'article',
    title: post?.title ?? '',
    summary: post?.summary ?? '',
    cover: post?.cover ?? '',
    bodyHtml: post?.bodyHtml ?? '',
    startAt: local(post?.activity?.startAt),
    place: post?.activity?.place ?? '',
    signupEnabled: post?.activity?.signupEnabled ?? true,
    capacity: post?.activity?.capacity ? String(post.activity.capacity) : '',
    deadline: local(post?.activity?.deadline),
    publishAt: '',
  };
}

function requestOf(f: Form, id: string | null): AdminSaveRequest {
  return {
    ...(id ? { id } : {}),
    unionId: f.unionId,
    kind: f.kind,
    title: f.title.trim(),
    ...(f.summary.trim() ? { summary: f.summary.trim() } : {}),
    ...(f.cover.trim() ? { cover: f.cover.trim() } : {}),
    bodyHtml: f.bodyHtml,
    ...(f.kind === 'activity'
      ? {
          activity: {
            startAt: wall(f.startAt),
            place: f.place.trim(),
            signupEnabled: f.signupEnabled,
            ...(f.capacity ? { capacity: Number(f.capacity) } : {}),
            ...(f.deadline ? { deadline: wall(f.deadline) } : {}),
          },
        }
      : {}),
  };
}

export function PostEditor({ post, unions, onClose }: { post: AdminPostView | null; unions: UnionBrief[]; onClose: () => void }) {
  const [current, setCurrent] = useState<AdminPostView | null>(post);
  const [form, setForm] = useState<Form>(() => formOf(post, unions));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [withdrawReason, setWithdrawReason] = useState('');
  const initialHtml = useMemo(() => post?.bodyHtml ?? '', [post]);
  const saveId = useRef(newRequestId());
  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch });
  const unionName = unions.find((u) => u.id === form.unionId)?.name ?? current?.union.name ?? '';

  const save = async (): Promise<AdminPostView | null> => {
    setBusy(true);
    setMessage(null);
    const res = await api.content.save(requestOf(form, current?.id ?? null), saveId.current);
    setBusy(false);
    if (!res.ok) {
      setMessage({ ok: false, text: res.error.message });
      return null;
    }
    saveId.current = newRequestId();
    setCurrent(res.data.post);
    setMessage({ ok: true, text: res.data.sanitized ? '已保存草稿（部分格式不受支持，已去掉）' : '已保存草稿' });
    return res.data.post;
  };

  const publish = async (scheduled: boolean) => {
    if (scheduled && !form.publishAt) return setMessage({ ok: false, text: '请选择定时发布的时间' });
    const saved = await save();
    if (!saved) return;
    setBusy(true);
    const res = await api.content.publish({ id: saved.id, ...(scheduled ? { at: wall(form.publishAt) } : {}) });
    setBusy(false);
    if (!res.ok) return setMessage({ ok: false, text: res.error.message });
    setCurrent(res.data.post);
    setMessage({ ok: true, text: scheduled ? `已定时，将于 ${wall(form.publishAt)} 发布` : '已发布，关注者可以看到了' });
  };

  const withdraw = async () => {
    if (!current) return;
    if (!withdrawReason.trim()) return setMessage({ ok: false, text: '请填写撤回原因' });
    setBusy(true);
    const res = await api.content.withdraw({ id: current.id, reason: withdrawReason.trim() });
    setBusy(false);
    if (!res.ok) return setMessage({ ok: false, text: res.error.message });
    setCurrent(res.data.post);
    setMessage({ ok: true, text: '已撤回' });
  };

  const publishedText = current?.publishedAt ? formatBusiness(current.publishedAt) : formatBusiness(Date.now());

  return (
    <section className='page-editor'>
      <div className='page-head'>
        <h2>{current ? `编辑：${current.title}` : '新建'}</h2>
        <div className='toolbar'>
          {current ? <span className='badge'>{STATUS_LABELS[current.status]}</span> : null}
          <button type='button' className='btn btn--plain' onClick={onClose}>
            返回列表
          </button>
        </div>
      </div>
      <div className='editor-layout'>
        <form className='form' onSubmit={(e) => e.preventDefault()}>
          <label>
            发布工会
            <select
              value={form.unionId}
              onChange={(e) => set({ unionId: e.target.value, cover: form.cover.startsWith('cloud://') ? '' : form.cover })}
            >
              {unions.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            类型
            <select value={form.kind} onChange={(e) => set({ kind: e.target.value as Form['kind'] })} disabled={!!current}>
              <option value='article'>资讯</option>
              <option value='activity'>活动</option>
            </select>
          </label>
          <label>
            标题
            <input className='pe-title' value={form.title} maxLength={60} onChange={(e) => set({ title: e.target.value })} />
          </label>
          <label>
            摘要（选填）
            <input value={form.summary} maxLength={120} onChange={(e) => set({ summary: e.target.value })} />
          </label>
          <PicturePicker
            label='封面图片（选填）'
            value={form.cover}
            onChange={(cover) => setForm((f) => ({ ...f, cover }))}
            slotFor={(ext) => api.content.uploadSlot(form.unionId, ext)}
          />
          <label>
            或填写封面图片地址
            <input
              value={form.cover.startsWith('cloud://') ? '' : form.cover}
              maxLength={500}
              placeholder='https://…'
              onChange={(e) => set({ cover: e.target.value })}
            />
          </label>
          {form.kind === 'activity' ? (
            <fieldset>
              <legend>活动信息</legend>
              <label>
                开始时间
                <input type='datetime-local' value={form.startAt} onChange={(e) => set({ startAt: e.target.value })} />
              </label>
              <label>
                地点
                <input value={form.place} maxLength={60} onChange={(e) => set({ place: e.target.value })} />
              </label>
              <label className='check'>
                <input type='checkbox' checked={form.signupEnabled} onChange={(e) => set({ signupEnabled: e.target.checked })} />
                开放线上报名
              </label>
              <label>
                名额（选填）
                <input type='number' min={1} value={form.capacity} onChange={(e) => set({ capacity: e.target.value })} />
              </label>
              <label>
                报名截止（选填）
                <input type='datetime-local' value={form.deadline} onChange={(e) => set({ deadline: e.target.value })} />
              </label>
            </fieldset>
          ) : null}
          <div className='label'>正文</div>
          <RichEditor initialHtml={initialHtml} onChange={(bodyHtml) => setForm((f) => ({ ...f, bodyHtml }))} />
          {message ? <p className={message.ok ? 'ok-text pe-message' : 'error-text pe-message'}>{message.text}</p> : null}
          <div className='form__actions'>
            <button type='button' className='btn btn--plain pe-save' disabled={busy} onClick={() => void save()}>
              保存草稿
            </button>
            <button type='button' className='btn pe-publish' disabled={busy} onClick={() => void publish(false)}>
              立即发布
            </button>
            <input
              type='datetime-local'
              aria-label='定时发布时间'
              value={form.publishAt}
              onChange={(e) => set({ publishAt: e.target.value })}
            />
            <button type='button' className='btn btn--plain' disabled={busy} onClick={() => void publish(true)}>
              定时发布
            </button>
          </div>
          {current && (current.status === 'published' || current.status === 'scheduled') ? (
            <div className='form__actions'>
              <input value={withdrawReason} maxLength={100} placeholder='撤回原因' onChange={(e) => setWithdrawReason(e.target.value)} />
              <button type='button' className='btn btn--danger' disabled={busy} onClick={() => void withdraw()}>
                撤回
              </button>
            </div>
          ) : null}
        </form>
        <PhonePreview
          title={form.title}
          unionName={unionName}
          cover={form.cover}
          bodyHtml={form.bodyHtml}
          when={publishedText}
          activity={form.kind === 'activity' ? { startAt: wall(form.startAt), place: form.place } : null}
        />
      </div>
    </section>
  );
}
