/** What a banner may link to, listed for the admin: published posts or open drops of the subtree. */
import { useEffect, useState } from 'react';
import { api } from '../../../../services/api';
import type { BannerLinkKind } from '../../../../../shared/system/banners';

export type LinkChoices =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; items: Array<{ id: string; title: string }> };

export function useLinkChoices(kind: BannerLinkKind): LinkChoices {
  const [state, setState] = useState<LinkChoices>({ status: 'loading' });
  useEffect(() => {
    if (kind === 'page') return;
    let live = true;
    setState({ status: 'loading' });
    const load =
      kind === 'post'
        ? api.content
            .adminList({ status: 'published' })
            .then((r) => (r.ok ? { ok: true as const, items: r.data.items.map((p) => ({ id: p.id, title: p.title })) } : r))
        : api.benefit.adminList().then((r) =>
            r.ok
              ? {
                  ok: true as const,
                  items: r.data.drops
                    .filter((d) => !d.cancelled && d.closesAt > r.data.serverTime)
                    .map((d) => ({ id: d.id, title: d.title })),
                }
              : r,
          );
    void load.then((r) => {
      if (!live) return;
      setState(r.ok ? { status: 'ready', items: r.items } : { status: 'error', message: r.error.message });
    });
    return () => {
      live = false;
    };
  }, [kind]);
  return state;
}
