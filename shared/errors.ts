/**
 * The one error-code table. Codes are stable strings that cross the wire; messages are the
 * default Simplified-Chinese text a person reads. Expected business outcomes (sold out,
 * waitlisted…) are codes too, returned as values rather than thrown.
 */
export const ERROR_MESSAGES = {
  // Transport and routing
  BAD_REQUEST: '请求格式有误',
  UNKNOWN_FUNCTION: '服务不存在',
  UNKNOWN_ACTION: '操作不存在',
  INVALID_ARGUMENT: '请求参数有误',
  UNAUTHENTICATED: '请先在微信中登录',
  FORBIDDEN: '无权执行此操作',
  NOT_FOUND: '内容不存在或已删除',
  CONFLICT: '数据已被他人修改，请刷新后重试',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  INTERNAL: '系统繁忙，请稍后再试',
  NETWORK: '网络不给力，请检查网络后重试',
  // Membership
  MEMBER_NOT_VERIFIED: '请先完成入会认证',
  // Benefit drops
  DROP_SOLD_OUT: '福利已抢完',
  DROP_NOT_OPEN: '福利尚未开始',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, value);
}

export function messageFor(code: ErrorCode): string {
  return ERROR_MESSAGES[code];
}
