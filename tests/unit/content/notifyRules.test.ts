import { decodeCursor, encodeCursor } from '../../../shared/content/cursor';
import { MAX_ATTEMPTS, backoffMinutes, nextStep } from '../../../shared/notify/delivery';
import { TEMPLATES, TEMPLATE_KEYS, templateData } from '../../../shared/notify/templates';

it('every template names an env var (never a committed id) and WeChat-style field keys', () => {
  for (const key of TEMPLATE_KEYS) {
    const t = TEMPLATES[key];
    expect(t.envVar).toMatch(/^WX_TMPL_[A-Z_]+$/);
    for (const f of t.fields) expect(f.key).toMatch(/^(thing|phrase|time|date|number|character_string)\d+$/);
  }
});

it('template data fills every field and cuts values to WeChat limits', () => {
  const data = templateData('activity_signup', { thing1: '北仑区职工健步走暨全民健身日主题活动（第二站）', phrase2: '报名成功啦啦啦' });
  expect(Array.from(data.thing1.value)).toHaveLength(20);
  expect(data.thing1.value.endsWith('…')).toBe(true);
  expect(Array.from(data.phrase2.value).length).toBeLessThanOrEqual(5);
  expect(data.time3.value).toBe('-');
});

it('delivery outcomes: sent, permanent failure, retry with backoff, give up after the limit', () => {
  expect(nextStep({ ok: true, errcode: null, message: 'ok' }, 1)).toEqual({ status: 'sent' });
  expect(nextStep({ ok: false, errcode: 43101, message: 'user refuse' }, 1)).toMatchObject({ status: 'failed' });
  expect(nextStep({ ok: false, errcode: -1, message: 'system busy' }, 1)).toMatchObject({ status: 'pending', retryInMinutes: 1 });
  expect(nextStep({ ok: false, errcode: null, message: 'timeout' }, 3)).toMatchObject({ status: 'pending', retryInMinutes: 4 });
  expect(nextStep({ ok: false, errcode: null, message: 'timeout' }, MAX_ATTEMPTS)).toMatchObject({ status: 'failed' });
  expect(backoffMinutes(20)).toBe(60);
});

it('cursors round-trip and reject anything else', () => {
  expect(decodeCursor(encodeCursor(new Date(1700000000000), 'p_abc'))).toEqual({ at: 1700000000000, id: 'p_abc' });
  for (const bad of ['', 'x~y', '1~', '1~a b', '1~{"$gt":1}']) expect(decodeCursor(bad)).toBeNull();
});
