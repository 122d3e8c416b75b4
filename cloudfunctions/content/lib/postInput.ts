/**
 * Turns the admin's form (validated by schema) into the stored post fields: sanitised body,
 * activity times checked for order. Pure apart from the clock, so rules live in one place.
 */
import type { AdminSaveRequest } from '../../../shared/content/schemas';
import { MAX_PARSE_DEPTH, plainText, sanitizeHtml, type RichNode } from '../../../shared/content/richText';
import { AppFailure } from '../../_lib/router';
import type { ActivityDoc } from './docs';
import { wallClock } from './time';

export interface PostFields {
  kind: AdminSaveRequest['kind'];
  title: string;
  summary: string;
  cover: string | null;
  body: RichNode[];
  activity: ActivityDoc | null;
  sanitized: boolean;
}

export function postFields(input: AdminSaveRequest): PostFields {
  const { nodes, changed, tooDeep } = sanitizeHtml(input.bodyHtml);
  if (tooDeep) throw new AppFailure('INVALID_ARGUMENT', `正文的格式层级过多（超过 ${MAX_PARSE_DEPTH} 层），请清除格式后重新粘贴`);
  if (nodes.length === 0) throw new AppFailure('INVALID_ARGUMENT', '正文不能为空（不允许的内容已被移除）');
  let activity: ActivityDoc | null = null;
  if (input.kind === 'activity') {
    const a = input.activity;
    if (!a) throw new AppFailure('INVALID_ARGUMENT', '请填写活动时间和地点');
    const startAt = wallClock(a.startAt);
    const endAt = a.endAt ? wallClock(a.endAt) : null;
    if (endAt && endAt.getTime() <= startAt.getTime()) throw new AppFailure('POST_TIME_INVALID', '活动结束时间须晚于开始时间');
    let signup: ActivityDoc['signup'] = null;
    if (a.signupEnabled) {
      if (!a.capacity) throw new AppFailure('INVALID_ARGUMENT', '开放线上报名时请填写报名名额');
      const deadline = a.deadline ? wallClock(a.deadline) : startAt;
      if (deadline.getTime() > startAt.getTime()) throw new AppFailure('POST_TIME_INVALID', '报名截止时间不能晚于活动开始时间');
      signup = { capacity: a.capacity, deadline };
    }
    activity = { startAt, endAt, place: a.place.trim(), location: a.location ?? null, phone: a.phone ?? null, signup };
  }
  return {
    kind: input.kind,
    title: input.title.trim(),
    summary: (input.summary ?? '').trim() || plainText(nodes, 60),
    cover: input.cover ?? null,
    body: nodes,
    activity,
    sanitized: changed,
  };
}
