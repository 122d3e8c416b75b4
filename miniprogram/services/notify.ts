/**
 * Typed client of the `notify` cloud function, and `askSubscribe`: the one opt-in helper every
 * domain calls at the natural moment (after a sign-up, before a drop opens…).
 *
 * - weapp: `Taro.requestSubscribeMessage` with the template ids this environment configured
 *   (fetched from `notify.templates`; WeChat allows at most 3 per call, so more keys are asked
 *   in groups), then the answers are reported to `notify.optIn` (each 'accept' = one message).
 * - h5 (local demo): there is no WeChat dialog, so a confirm dialog stands in for it and
 *   "允许" is reported as 'accept' for every key: the demo shows the whole flow.
 * Never throws; resolves with the keys the member accepted.
 */
import Taro from '@tarojs/taro';
import { callApi } from './cloud';
import type * as Q from '../../shared/notify/schemas';
import { MAX_TEMPLATES_PER_REQUEST, TEMPLATES, type TemplateKey } from '../../shared/notify/templates';

type Answer = Q.OptInRequest['results'][number]['result'];

export const notify = {
  templates: (keys?: TemplateKey[]) => callApi('notify', 'templates', keys ? { keys } : {}),
  optIn: (results: Q.OptInRequest['results']) => callApi('notify', 'optIn', { results }),
  inbox: (query: Q.InboxRequest = {}) => callApi('notify', 'inbox', query),
  markRead: (query: Q.MarkReadRequest) => callApi('notify', 'markRead', query),
  unreadCount: () => callApi('notify', 'unreadCount', {}),
};

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

async function askInH5(keys: TemplateKey[]): Promise<Array<{ template: TemplateKey; result: Answer }>> {
  const titles = keys.map((k) => `“${TEMPLATES[k].title}”`).join('、');
  const res = await Taro.showModal({
    title: '消息订阅',
    content: `是否允许发送${titles}？（本地演示：模拟微信订阅消息授权）`,
    confirmText: '允许',
    cancelText: '取消',
  });
  return keys.map((template) => ({ template, result: res.confirm ? 'accept' : 'reject' }));
}

async function askInWeapp(keys: TemplateKey[]): Promise<Array<{ template: TemplateKey; result: Answer }>> {
  const info = await notify.templates(keys);
  if (!info.ok) return [];
  const configured = info.data.templates.filter((t) => t.tmplId);
  const out: Array<{ template: TemplateKey; result: Answer }> = [];
  for (const group of chunks(configured, MAX_TEMPLATES_PER_REQUEST)) {
    try {
      const res = (await Taro.requestSubscribeMessage({
        tmplIds: group.map((t) => t.tmplId as string),
        entityIds: [],
      } as unknown as Parameters<typeof Taro.requestSubscribeMessage>[0])) as unknown as Record<string, string>;
      for (const t of group) {
        const answer = res[t.tmplId as string];
        if (answer === 'accept' || answer === 'reject' || answer === 'ban' || answer === 'filter')
          out.push({ template: t.key, result: answer });
      }
    } catch {
      // The member closed the dialog or the main switch is off: nothing was accepted.
    }
  }
  return out;
}

export async function askSubscribe(keys: TemplateKey[]): Promise<TemplateKey[]> {
  if (keys.length === 0) return [];
  const results = process.env.TARO_ENV === 'h5' ? await askInH5(keys) : await askInWeapp(keys);
  for (const group of chunks(results, MAX_TEMPLATES_PER_REQUEST)) if (group.length) await notify.optIn(group);
  return results.filter((r) => r.result === 'accept').map((r) => r.template);
}
