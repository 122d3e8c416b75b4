/**
 * Demo identities for the local cloud. In WeChat the platform puts the caller's OPENID in the
 * invocation context; locally the H5 app picks one of these and the host does the same.
 * Local mode only: nothing here is bundled into the weapp build.
 */
export interface Persona {
  id: string;
  openid: string;
  label: string;
  description: string;
}

export const PERSONAS: Persona[] = [
  { id: 'guest', openid: 'o_local_guest_chenxiao', label: '陈晓', description: '未入会职工 · 北仑区某小微企业' },
  { id: 'member', openid: 'o_local_member_wangjianguo', label: '王建国', description: '已认证会员 · 宁波北仑港务工会' },
  { id: 'parent', openid: 'o_local_parent_lixiumei', label: '李秀梅', description: '已认证会员 · 家长（两个孩子）' },
  { id: 'district_admin', openid: 'o_local_admin_beilun', label: '周海燕', description: '北仑区总工会管理员' },
  { id: 'city_admin', openid: 'o_local_admin_city', label: '郑国强', description: '宁波市总工会管理员' },
];

export const DEFAULT_PERSONA = 'member';

export function personaById(id: string): Persona | undefined {
  return PERSONAS.find((p) => p.id === id);
}
