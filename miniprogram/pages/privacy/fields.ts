/**
 * What personal data the mini-program processes, shown in 用户隐私保护指引 (pages/privacy).
 * One row per field. Every feature that starts collecting a field adds its row here in the same
 * change (BRIEF §5: "declared in the privacy guide page"); nothing is listed before it is collected.
 */
export interface PrivacyField {
  /** What is collected, in the words a member understands. */
  field: string;
  /** Why we need it. */
  purpose: string;
  /** How long it is kept. */
  retention: string;
  /** Who can see it. */
  visibleTo: string;
  /** Sensitive personal information (敏感个人信息), collected only with separate consent. */
  sensitive?: boolean;
}

export const PRIVACY_FIELDS: PrivacyField[] = [
  {
    field: '微信 OpenID（微信分配的匿名用户标识）',
    purpose: '识别您的身份，关联您的入会、福利、报名等记录；不获取您的微信昵称、头像和手机号',
    retention: '您使用本服务期间保存；注销或申请删除后 30 日内删除',
    visibleTo: '仅系统内部使用，不向任何工会管理员展示',
  },
];
