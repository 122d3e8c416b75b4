/** Stored documents → the views pages render (shared/content/views.ts). */
import { toHtml } from '../../../shared/content/richText';
import {
  KIND_LABELS,
  SIGNUP_STATE_LABELS,
  SIGNUP_STATUS_LABELS,
  STATUS_LABELS,
  type ActivityInfo,
  type AdminPostView,
  type PostCard,
  type SignupState,
  type SignupInfo,
} from '../../../shared/content/views';
import type { PostDoc, SignupDoc } from './docs';
import { iso, toWallClock } from './time';

export function signupState(post: PostDoc, now: Date): SignupState {
  const s = post.activity?.signup;
  if (!s) return 'none';
  if (now.getTime() > new Date(s.deadline).getTime() || now.getTime() >= new Date(post.activity!.startAt).getTime()) return 'closed';
  return post.remaining > 0 ? 'open' : 'full';
}

export function signupInfo(post: PostDoc, now: Date): SignupInfo | null {
  const s = post.activity?.signup;
  if (!s) return null;
  const state = signupState(post, now);
  return {
    capacity: s.capacity,
    remaining: Math.max(0, post.remaining),
    signedUp: s.capacity - post.remaining,
    waitlisted: Math.max(0, post.waitlisted ?? 0),
    deadline: new Date(s.deadline).toISOString(),
    state,
    stateLabel: SIGNUP_STATE_LABELS[state],
  };
}

export function activityInfo(post: PostDoc, mine: SignupDoc | null | undefined, now: Date): ActivityInfo | null {
  const a = post.activity;
  if (!a) return null;
  const live = mine && mine.status !== 'cancelled' ? mine : null;
  return {
    startAt: new Date(a.startAt).toISOString(),
    endAt: iso(a.endAt),
    place: a.place,
    location: a.location ?? null,
    phone: a.phone ?? null,
    signup: signupInfo(post, now),
    mine: live
      ? {
          id: live._id,
          status: live.status as 'signed' | 'waitlisted',
          statusLabel: SIGNUP_STATUS_LABELS[live.status],
          checkedIn: !!live.checkedInAt,
        }
      : null,
  };
}

export function postCard(post: PostDoc, mine: SignupDoc | null | undefined, now: Date): PostCard {
  return {
    id: post._id,
    kind: post.kind,
    kindLabel: KIND_LABELS[post.kind],
    title: post.title,
    summary: post.summary,
    cover: post.cover,
    union: { id: post.unionId, name: post.unionName },
    publishedAt: iso(post.publishedAt) ?? new Date(post.createdAt).toISOString(),
    readCount: post.readCount ?? 0,
    activity: activityInfo(post, mine, now),
  };
}

export function adminView(post: PostDoc): AdminPostView {
  const a = post.activity;
  return {
    id: post._id,
    kind: post.kind,
    status: post.status,
    statusLabel: STATUS_LABELS[post.status],
    union: { id: post.unionId, name: post.unionName },
    title: post.title,
    summary: post.summary,
    cover: post.cover,
    bodyHtml: toHtml(post.body),
    body: post.body,
    activity: a
      ? {
          startAt: toWallClock(a.startAt)!,
          endAt: toWallClock(a.endAt),
          place: a.place,
          location: a.location ?? null,
          phone: a.phone ?? null,
          signupEnabled: !!a.signup,
          capacity: a.signup?.capacity ?? null,
          deadline: toWallClock(a.signup?.deadline),
        }
      : null,
    publishAt: iso(post.publishAt),
    publishedAt: iso(post.publishedAt),
    withdrawnAt: iso(post.withdrawnAt),
    version: post.version,
    readCount: post.readCount ?? 0,
    signedUp: a?.signup ? a.signup.capacity - post.remaining : 0,
    waitlisted: post.waitlisted ?? 0,
    updatedAt: new Date(post.updatedAt).toISOString(),
  };
}

export { STATUS_LABELS };
