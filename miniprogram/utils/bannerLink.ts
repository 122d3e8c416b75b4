/** Where a 首页轮播图 leads: a post, the 福利 tab for a drop, or one of the fixed in-app pages. */
import Taro from '@tarojs/taro';
import { BANNER_PAGES, type BannerLink } from '../../shared/system/banners';
import { TAB_PAGES } from './navigate';

export function bannerUrl(link: BannerLink): { url: string; tab: boolean } | null {
  if (link.kind === 'post') return { url: `/packages/content/post/index?id=${encodeURIComponent(link.id)}`, tab: false };
  // A tab page takes no query (switchTab): the 福利 tab lists this week's drops, this one among them.
  if (link.kind === 'drop') return { url: TAB_PAGES.benefits, tab: true };
  const page = Object.prototype.hasOwnProperty.call(BANNER_PAGES, link.id) ? BANNER_PAGES[link.id as keyof typeof BANNER_PAGES] : null;
  return page ? { url: page.url, tab: page.tab } : null;
}

export function openBannerLink(link: BannerLink): void {
  const to = bannerUrl(link);
  if (!to) return void Taro.showToast({ title: '该内容暂不可用', icon: 'none' });
  if (to.tab) void Taro.switchTab({ url: to.url });
  else void Taro.navigateTo({ url: to.url });
}
