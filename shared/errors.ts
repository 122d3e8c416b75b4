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
  /** The request never reached the service (no connection, timeout before an answer). Only the client sets it. */
  NETWORK: '网络不给力，请检查网络后重试',
  /**
   * The cloud environment refused for its quota (database QPS or connections, function concurrency),
   * or a function gave up after retrying such refusals. Nothing was changed: the same request may be sent again.
   */
  BUSY: '参与的人较多，正在排队，请稍候',
  /** A daily or monthly allowance of the cloud environment is used up: retrying now does not help. */
  QUOTA_EXHAUSTED: '本小程序今日的服务量已用完，请明天再试或联系所在工会',
  /**
   * The database has not been verified for this code's indexes (no schema marker, or an older
   * one): actions that stand on a unique index refuse rather than risk a double (cloudfunctions/_lib/schema.ts).
   */
  SCHEMA_NOT_READY: '系统正在升级维护，请稍后再试',
  // Membership
  MEMBER_NOT_VERIFIED: '请先完成入会认证',
  ID_NUMBER_INVALID: '身份证号不正确，请核对',
  CONSENT_REQUIRED: '请先阅读并同意《用户隐私保护指引》',
  APPLICATION_PENDING: '您已有一份入会申请正在审核中，请耐心等待',
  ALREADY_MEMBER: '您已是工会会员，无需重复申请',
  ALREADY_REVIEWED: '该申请已处理，请刷新列表',
  REJECT_REASON_REQUIRED: '驳回时请填写原因',
  UNION_NOT_ELIGIBLE: '所选工会不能直接受理入会申请，请重新选择',
  NOT_UNION_ADMIN: '仅工会管理员可以执行此操作',
  OUT_OF_SCOPE: '该事项不属于您所管理的工会范围',
  MEMBER_RECORD_NOT_FOUND: '未找到与姓名和身份证号相符的会员记录，请核对或申请入会',
  MEMBER_ALREADY_CLAIMED: '该会员身份已绑定其他微信账号，请联系所在工会',
  IMPORT_FILE_INVALID: '导入文件格式有误，请使用会员导入模板',
  CARD_NOT_ISSUED: '您还没有会员卡，请先完成入会',
  CARD_TOKEN_EXPIRED: '会员码已过期，请会员刷新后重新出示',
  CARD_TOKEN_FORGED: '会员码无效，可能是伪造或截图',
  CARD_REVOKED: '该会员卡已停用',
  /** Staff or an admin acting on another member's record (redeem, approve, nominate) whose card is suspended. */
  MEMBER_SUSPENDED: '该会员的会员卡已被所属工会停用',
  /** 注销账号 refused while something needs the account (admin rights, a place in progress); the message lists them. */
  ACCOUNT_DELETION_BLOCKED: '暂时不能注销账号',
  /** 管理员管理: the member has not linked the card to a WeChat user, so there is nobody to make an admin. */
  MEMBER_NOT_CLAIMED: '该会员尚未在小程序中绑定会员卡',
  /** 管理员管理: the union already has UNION_ADMIN_LIMIT admins. */
  ADMIN_LIMIT_REACHED: '该工会的管理员人数已达上限',
  /** 管理员管理: removing the root union's (市总工会) last admin would leave nobody above every union. */
  LAST_ROOT_ADMIN: '不能移除市总工会的最后一位管理员',
  // 工会工作台 (the desktop console, docs/console.md)
  /** The QR code's login ticket is unknown, expired, already used or declined. */
  CONSOLE_TICKET_INVALID: '二维码已失效，请在电脑上刷新二维码后重新扫码',
  /** The console's session is unknown, revoked, idle too long or past its 8 hours. */
  CONSOLE_SESSION_INVALID: '工作台登录已失效，请重新扫码登录',
  /** A console session called an action that only the mini-program may call (e.g. confirming another sign-in). */
  CONSOLE_NOT_ALLOWED: '工作台不能执行此操作，请在小程序中操作',
  // Benefit drops
  DROP_SOLD_OUT: '福利已抢完',
  DROP_NOT_OPEN: '福利尚未开始',
  DROP_CLOSED: '本次福利已结束',
  DROP_LIMIT_REACHED: '您已领取过本福利',
  DROP_NOT_ELIGIBLE: '本次福利仅限指定范围的会员参与',
  DROP_WRONG_MODE: '本次福利为预约抽签，请在报名期内报名',
  DROP_TIMES_INVALID: '时间设置有误：请确认报名、开抢、截止和核销时间的先后顺序',
  DROP_CANCELLED: '该福利已被发布工会撤回',
  DROP_CANCEL_TOO_LATE: '福利已开始或即将开始（开始前 5 分钟内不能撤回）',
  REGISTRATION_CLOSED: '报名已截止',
  REGISTRATION_NOT_OPEN: '报名尚未开始',
  CODE_NOT_FOUND: '兑换码不存在，请核对后重新输入',
  CODE_ALREADY_REDEEMED: '该兑换码已核销，不能重复使用',
  CODE_EXPIRED: '该兑换码已过核销期限',
  // Summer day-care
  DAYCARE_CONSENT_REQUIRED: '请先以监护人身份单独同意《儿童个人信息处理规则》',
  DAYCARE_NOT_OPEN: '报名尚未开始',
  DAYCARE_CLOSED: '报名已截止',
  DAYCARE_CHILD_HAS_PERIOD: '该孩子本暑期已报名其他班期，每个孩子每个暑期限报一期',
  DAYCARE_GRADE_MISMATCH: '孩子的年级不在该班期的年级段内',
  DAYCARE_ATTENDANCE_BARRED: '孩子上一期出勤率未达要求，不能报名下一期',
  DAYCARE_CHILD_HAS_PLACE: '孩子当前仍有报名或名额，请先取消后再删除',
  DAYCARE_OFFER_EXPIRED: '递补名额已逾期，已顺延给下一位家庭',
  DAYCARE_BAD_STATE: '当前状态不能执行此操作，请刷新后重试',
  DAYCARE_NOT_STAFF: '仅该托管点的工作人员可以查看',
  // Recuperation (疗休养)
  RECU_UNIT_NOT_SET: '您所在的基层工会尚未开展疗休养，请联系单位工会',
  RECU_BATCH_CLOSED: '该批次已截止申请',
  RECU_DUPLICATE: '您今年已有一份疗休养申请，每人每年只能申请一次',
  RECU_REPEAT_TOO_SOON: '您近年已参加过疗休养，暂不能再次申请',
  RECU_COST_CAP: '该批次人均费用超过疗休养费用标准',
  RECU_QUOTA_FULL: '本单位本年度疗休养名额已用完',
  RECU_STAFF_SHARE_FULL: '本单位本年度参加人数已达职工总数比例上限',
  RECU_BATCH_FULL: '该批次名额已满',
  RECU_LEADER_SHARE: '该批次领导干部比例已达上限',
  RECU_RULE_INVALID: '填写的内容不符合疗休养规定',
  RECU_NOT_STARTED: '批次开始后才能登记出勤',
  RECU_SUBSIDY_NOT_ELIGIBLE: '本地行奖励仅面向非公企业、社会组织工会组织的疗休养',
  RECU_SUBSIDY_SELF_REVIEW: '本地行奖励申请须由上级工会审核',
  // Publishing to followers (articles, activities, sign-up)
  POST_NOT_FOUND: '内容不存在或已撤回',
  POST_WITHDRAWN: '该内容已撤回，不能再编辑或发布',
  POST_NOT_ACTIVITY: '该内容不是活动',
  POST_TIME_INVALID: '时间设置有误：请确认活动开始、结束与报名截止时间的先后顺序',
  SCHEDULE_IN_PAST: '定时发布时间须晚于当前时间',
  PUBLISH_OWN_UNION_ONLY: '只能以您管理的工会名义发布内容',
  SIGNUP_NOT_AVAILABLE: '该活动未开放线上报名',
  SIGNUP_CLOSED: '活动报名已截止',
  SIGNUP_CANCEL_CLOSED: '活动已开始，不能取消报名',
  SIGNUP_NOT_FOUND: '未找到报名记录',
  SIGNUP_NOT_SIGNED: '该报名不是有效的已报名状态，不能签到',
  CAPACITY_BELOW_SIGNED: '报名名额不能少于已报名人数',
  UNION_NOT_FOUND: '工会组织不存在',
  // Uploaded images (covers, drop pictures; shared/files/images.ts)
  UPLOAD_NOT_ALLOWED: '上传凭证无效或已过期，请重新选择图片',
  FILE_TOO_LARGE: '图片不能超过 2 MB，请换一张或压缩后重试',
  FILE_NOT_IMAGE: '只能上传 JPG、PNG 或 WebP 格式的图片',
  FILE_PATH_INVALID: '文件路径不合法',
  FILE_NOT_OWN_UNION: '图片不属于本工会，请重新上传图片',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, value);
}

export function messageFor(code: ErrorCode): string {
  return ERROR_MESSAGES[code];
}
