/**
 * How a subscribe message leaves the platform.
 *
 * - `wechat` (production, the default): CloudBase 云调用 through @cloudbase/node-sdk
 *   `app.callWxOpenApi({ apiName: '/cgi-bin/message/subscribe/send', requestData })`
 *   (node-sdk src/wx/index.ts: action `wx.api`, the JSON body of WeChat's HTTPS API, answer
 *   `{ result: { errcode, errmsg, msgid } }` or a platform error `{ code, message }`). No
 *   access_token is handled here: the platform authenticates the call because the function
 *   declares `subscribeMessage.send` in config.json `permissions.openapi`.
 *   The template id of each key is the function's environment variable named in
 *   shared/notify/templates.ts (e.g. WX_TMPL_ACTIVITY_SIGNUP); WX_MINIPROGRAM_STATE
 *   (formal | trial | developer) picks which version the card opens.
 * - `log` (the local cloud sets NOTIFY_TRANSPORT=log): nothing leaves the machine; the message
 *   is written as one JSON line to NOTIFY_LOG_FILE when set (tests count deliveries there),
 *   otherwise to stdout without the field values, and the entry is recorded as sent.
 */
import { appendFileSync } from 'node:fs';
import { TEMPLATES, templateData, type TemplateKey } from '../../../shared/notify/templates';
import type { AttemptOutcome } from '../../../shared/notify/delivery';
import type { BaseContext } from '../../_lib/router';

export interface OutboundMessage {
  outboxId: string;
  openid: string;
  template: TemplateKey;
  data: Record<string, string>;
  page: string | null;
}

export type Transport = (ctx: BaseContext, message: OutboundMessage) => Promise<AttemptOutcome>;

export function templateIdOf(key: TemplateKey): string | null {
  const value = process.env[TEMPLATES[key].envVar];
  return value && value.trim() ? value.trim() : null;
}

/** WeChat wants a page path without the leading slash ("packages/content/post/index?id=…"). */
function wechatPage(page: string | null): string | undefined {
  return page ? page.replace(/^\/+/, '') : undefined;
}

const logTransport: Transport = async (ctx, m) => {
  const line = {
    at: ctx.now().toISOString(),
    outboxId: m.outboxId,
    template: m.template,
    templateId: templateIdOf(m.template),
    page: wechatPage(m.page) ?? null,
  };
  const file = process.env.NOTIFY_LOG_FILE;
  if (file) appendFileSync(file, JSON.stringify({ ...line, touser: m.openid, data: templateData(m.template, m.data) }) + '\n');
  else ctx.log.info('subscribe message (local log transport)', line);
  return { ok: true, errcode: null, message: 'logged' };
};

interface WxApiAnswer {
  code?: string;
  message?: string;
  result?: { errcode?: number; errmsg?: string } | string;
}

const wechatTransport: Transport = async (ctx, m) => {
  const templateId = templateIdOf(m.template);
  if (!templateId) return { ok: false, errcode: 40037, message: `未配置环境变量 ${TEMPLATES[m.template].envVar}` };
  try {
    const answer = (await ctx.app.callWxOpenApi({
      apiName: '/cgi-bin/message/subscribe/send',
      requestData: {
        touser: m.openid,
        template_id: templateId,
        page: wechatPage(m.page),
        data: templateData(m.template, m.data),
        miniprogram_state: process.env.WX_MINIPROGRAM_STATE || 'formal',
        lang: 'zh_CN',
      },
    })) as WxApiAnswer;
    if (answer.code) return { ok: false, errcode: null, message: `${answer.code} ${answer.message ?? ''}`.trim() };
    const result = typeof answer.result === 'object' && answer.result !== null ? answer.result : {};
    if (result.errcode === 0 || result.errcode === undefined) return { ok: true, errcode: null, message: 'ok' };
    return { ok: false, errcode: result.errcode, message: result.errmsg ?? '' };
  } catch (err) {
    return { ok: false, errcode: null, message: err instanceof Error ? err.message : String(err) };
  }
};

export function transportFromEnv(): Transport {
  return process.env.NOTIFY_TRANSPORT === 'log' ? logTransport : wechatTransport;
}
