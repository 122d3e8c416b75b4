import { ok } from '../../../shared/envelope';
import { TEMPLATES, TEMPLATE_KEYS, type TemplateKey } from '../../../shared/notify/templates';
import type { TemplatesRequest, TemplatesResult } from '../../../shared/notify/schemas';
import { userAction } from '../../_lib/router';
import { creditsOf } from '../lib/subscriptions';
import { templateIdOf } from '../lib/transport';

/**
 * The WeChat template ids the page passes to `requestSubscribeMessage` (they live in this
 * function's environment, not in the app), and the member's remaining credits per template.
 */
export const templates = userAction<TemplatesRequest, TemplatesResult>('notify.templates', async (input, ctx) => {
  const keys = (input.keys ?? TEMPLATE_KEYS) as TemplateKey[];
  const credits = await creditsOf(ctx, ctx.openid);
  return ok({
    templates: keys.map((key) => ({ key, title: TEMPLATES[key].title, tmplId: templateIdOf(key), credits: credits[key] ?? 0 })),
  });
});
