/** The editor's form state ⇄ the adminSave request. Times are Beijing wall clock strings. */
import type { AdminSaveRequest } from '../../../../../shared/content/schemas';
import type { AdminPostView, PostKind } from '../../../../../shared/content/views';
import { formatBusiness, inBusinessTz } from '../../../../../shared/time';
import { toHalfWidth } from '../../../../../shared/text';

export interface EditorForm {
  id: string | null;
  unionId: string;
  kind: PostKind;
  title: string;
  summary: string;
  cover: string;
  bodyHtml: string;
  startAt: string;
  endAt: string;
  place: string;
  /** Optional: a phone for questions and the place's map position (kept across edits). */
  phone: string;
  lat: string;
  lng: string;
  signupEnabled: boolean;
  capacity: string;
  deadline: string;
  publishAt: string;
}

/** A fresh form: an activity three days from now at 09:00, sign-up closing the day before. */
export function blankForm(kind: PostKind, unionId: string, now: number): EditorForm {
  const start = inBusinessTz(now).add(3, 'day').hour(9).minute(0);
  return {
    id: null,
    unionId,
    kind,
    title: '',
    summary: '',
    cover: '',
    bodyHtml: '',
    startAt: start.format('YYYY-MM-DD HH:mm'),
    endAt: start.add(3, 'hour').format('YYYY-MM-DD HH:mm'),
    place: '',
    phone: '',
    lat: '',
    lng: '',
    signupEnabled: true,
    capacity: '50',
    deadline: start.subtract(1, 'day').hour(18).format('YYYY-MM-DD HH:mm'),
    publishAt: inBusinessTz(now).add(1, 'hour').minute(0).format('YYYY-MM-DD HH:mm'),
  };
}

export function formFromPost(p: AdminPostView, now: number): EditorForm {
  const base = blankForm(p.kind, p.union.id, now);
  return {
    ...base,
    id: p.id,
    title: p.title,
    summary: p.summary,
    cover: p.cover ?? '',
    bodyHtml: p.bodyHtml,
    ...(p.activity
      ? {
          startAt: p.activity.startAt,
          endAt: p.activity.endAt ?? '',
          place: p.activity.place,
          phone: p.activity.phone ?? '',
          lat: p.activity.location ? String(p.activity.location.lat) : '',
          lng: p.activity.location ? String(p.activity.location.lng) : '',
          signupEnabled: p.activity.signupEnabled,
          capacity: p.activity.capacity ? String(p.activity.capacity) : '',
          deadline: p.activity.deadline ?? '',
        }
      : {}),
    publishAt: p.publishAt ? formatBusiness(p.publishAt) : base.publishAt,
  };
}

export function toRequest(f: EditorForm): AdminSaveRequest {
  const req: AdminSaveRequest = { unionId: f.unionId, kind: f.kind, title: f.title.trim(), bodyHtml: f.bodyHtml };
  if (f.id) req.id = f.id;
  if (f.summary.trim()) req.summary = f.summary.trim();
  if (f.cover.trim()) req.cover = f.cover.trim();
  if (f.kind === 'activity') {
    req.activity = { startAt: f.startAt.trim(), place: f.place.trim(), signupEnabled: f.signupEnabled };
    if (f.endAt.trim()) req.activity.endAt = f.endAt.trim();
    const phone = toHalfWidth(f.phone).replace(/\s/g, '');
    if (phone) req.activity.phone = phone;
    const [lat, lng] = [f.lat, f.lng].map((v) => toHalfWidth(v).trim());
    if (lat && lng) req.activity.location = { lat: Number(lat), lng: Number(lng) };
    if (f.signupEnabled) {
      const cap = Number(f.capacity);
      if (Number.isInteger(cap)) req.activity.capacity = cap;
      if (f.deadline.trim()) req.activity.deadline = f.deadline.trim();
    }
  }
  return req;
}
