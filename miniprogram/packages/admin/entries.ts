/**
 * The union admin's workbench menu (工会工作台). Every domain's admin pages live in this subpackage
 * (`packages/admin/<domain>/<page>/index`, registered under the `packages/admin` entry of
 * app.config.ts `subPackages`); when a page is ready, point its entry's `target` at it.
 * Figures (charts) belong on those pages: import them from `components/charts` (subpackage only).
 */
import type { EntryTarget } from '../../utils/navigate';

export interface AdminEntry {
  key: string;
  title: string;
  /** One line on what the admin does there. */
  desc: string;
  target: EntryTarget;
}

export interface AdminSection {
  key: string;
  title: string;
  entries: AdminEntry[];
}

export const ADMIN_SECTIONS: AdminSection[] = [
  {
    key: 'member',
    title: '会员管理',
    entries: [
      {
        key: 'review',
        title: '入会审核',
        desc: '审核本级及下级工会的入会申请',
        target: { kind: 'page', url: '/packages/admin/member/review/index' },
      },
      {
        key: 'import',
        title: '批量导入会员',
        desc: '按名单导入已入会职工',
        target: { kind: 'page', url: '/packages/admin/member/import/index' },
      },
      {
        key: 'verify',
        title: '会员卡核验',
        desc: '扫描会员卡二维码，现场核验身份',
        target: { kind: 'page', url: '/packages/admin/member/verify/index' },
      },
      {
        key: 'manage',
        title: '会员卡管理',
        desc: '按卡号查找会员，停用或恢复会员卡',
        target: { kind: 'page', url: '/packages/admin/member/manage/index' },
      },
      {
        key: 'console',
        title: '扫码登录工作台',
        desc: '扫描电脑上的二维码，在电脑上批量办理',
        target: { kind: 'page', url: '/packages/admin/member/console/index' },
      },
      {
        key: 'admins',
        title: '管理员管理',
        desc: '为本级及下级工会设置或移除管理员',
        target: { kind: 'page', url: '/packages/admin/member/admins/index' },
      },
    ],
  },
  {
    key: 'service',
    title: '服务与活动',
    entries: [
      {
        key: 'drops',
        title: '周五福利',
        desc: '创建福利场次，核销兑换码，查看领取趋势',
        target: { kind: 'page', url: '/packages/admin/benefit/index/index' },
      },
      {
        key: 'camp',
        title: '暑托班',
        desc: '开设班次，对比报名需求与名额',
        target: { kind: 'page', url: '/packages/admin/daycare/figures/index' },
      },
      {
        key: 'rest',
        title: '职工疗休养',
        desc: '发布批次，查看各单位名额使用',
        target: { kind: 'page', url: '/packages/admin/recuperation/applicants/index' },
      },
      {
        key: 'publish',
        title: '活动与资讯',
        desc: '发布给关注者，查看阅读与报名',
        target: { kind: 'page', url: '/packages/admin/content/list/index' },
      },
    ],
  },
  {
    key: 'home',
    title: '首页与联系',
    entries: [
      {
        key: 'banners',
        title: '首页轮播图',
        desc: '上传图片，链接到活动、福利或服务页面',
        target: { kind: 'page', url: '/packages/admin/home/banners/index' },
      },
      {
        key: 'contact',
        title: '联系方式',
        desc: '设置本级及下级工会的电话、地址和办公时间',
        target: { kind: 'page', url: '/packages/admin/home/contact/index' },
      },
    ],
  },
];
