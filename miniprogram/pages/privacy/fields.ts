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
    retention:
      '您使用本服务期间保存；在“我的 → 账号与隐私”注销后立即删除（身份证号核验次数的计数最长再保留 24 小时，防止借注销绕过次数限制）；保留的记录中以无法还原的匿名标识代替',
    visibleTo:
      '本人可在“我的 → 账号与隐私”中查看（即“用户编号”，开通工会管理员时由您自行提供给上级工会或平台运维人员）；系统内部使用，不向工会管理员展示',
  },
  // Membership (网上入会 / 会员卡 / 认领), docs/membership.md.
  {
    field: '真实姓名',
    purpose: '办理入会时由受理工会核对身份；认领会员卡时与工会登记的名单比对',
    retention:
      '完整姓名仅在入会申请审核期间保存，审核后删除；此后只保存脱敏姓名（如“王*国”）和无法还原的加密摘要。注销账号时入会申请删除（审核中的申请撤回）；已是会员的，会员名册中的脱敏姓名和摘要由所属工会继续保存',
    visibleTo: '审核期间仅受理工会及其上级工会的管理员可见完整姓名；会员卡和核验页面只显示脱敏姓名',
  },
  {
    field: '身份证号',
    purpose: '核验身份、防止同一人重复入会，并用于认领单位已登记的会员身份',
    retention:
      '不保存明文：只保存带密钥的加密摘要（无法反推号码）和脱敏号码（如“3302**********1234”），会员期间保存；注销账号不删除工会会员名册中的记录，只解除与微信的绑定，以便凭身份证号重新认领',
    visibleTo: '脱敏号码仅本人和所属工会管理员可见；明文不在任何页面、日志或数据库中出现',
    sensitive: true,
  },
  {
    field: '手机号',
    purpose: '入会登记的联系方式，便于工会核实；目前不会用于电话或短信联系',
    retention: '只保存脱敏号码（如“138****5678”）和带密钥的加密摘要，会员期间保存；注销账号时入会申请中的删除，会员名册中的由所属工会保存',
    visibleTo: '脱敏号码仅本人和所属工会管理员可见',
  },
  {
    field: '工作单位',
    purpose: '确定受理您入会的工会（单位工会或所在地街道总工会）',
    retention: '会员期间保存；注销账号时入会申请中的删除，会员名册中的由所属工会保存',
    visibleTo: '本人和所属工会及其上级工会的管理员',
  },
  {
    field: '职工标签（一线职工、高危岗位、劳动模范、工伤职工、临近退休等）',
    purpose: '由工会核实后，用于疗休养、专属福利等服务的资格判断和优先安排；可不填写',
    retention: '会员期间保存；可联系所属工会更正',
    visibleTo: '本人和所属工会及其上级工会的管理员',
  },
  {
    field: '会员卡号及会员码',
    purpose: '电子会员卡，供工作人员扫码核验会员身份；二维码每分钟更新，截图无效',
    retention: '会员卡号在会员期间保存（属于工会会员名册，注销账号只解除与微信的绑定）；二维码不保存，约 1 分钟后失效',
    visibleTo: '本人；扫码核验的工会工作人员只看到脱敏姓名、卡号和所属工会',
  },
  {
    field: '疗休养申请记录（申请的批次、申请时的职工标签与优先分、审批结果、出勤）',
    purpose: '按优先条件排序、在单位名额内审批，核对“每年一次”和“3 年内不重复参加”等规定',
    retention:
      '您使用本服务期间保存（用于核对不重复参加）；注销账号时未获批准的申请删除（审核中的撤回）；已参加的记录删除姓名、解除与账号的关联后由工会保留，用于福利经费核算和“3 年内不重复参加”的规定。获批的行程结束前不能注销',
    visibleTo: '本人；所属单位工会及其上级工会的管理员（仅脱敏姓名和职工标签）',
  },
  // Summer day-care (免费暑托班), docs/daycare.md. Children under 14: sensitive, separate guardian consent.
  {
    field: '监护人对儿童个人信息处理的单独同意（同意时间、规则版本）',
    purpose: '登记孩子信息前，由监护人单独同意《儿童个人信息处理规则》；未同意不能登记孩子',
    retention: '您使用暑托班服务期间保存；注销账号时删除',
    visibleTo: '仅系统内部使用',
  },
  {
    field: '孩子的姓名、性别、出生日期或在读年级、就读学校',
    purpose: '暑托班报名、按年级段分班、托管期间点名照护；不收集孩子的身份证号',
    retention: '孩子没有报名或名额时，您可随时删除，删除后即刻清除；注销账号时一并删除；报名记录只保留脱敏姓名、状态与出勤',
    visibleTo: '仅您本人和孩子所在托管点的工作人员（含承办工会及其上级工会管理员）；其他管理员只看到脱敏姓名（如“李*雨”）',
    sensitive: true,
  },
  {
    field: '孩子的紧急联系人及电话、健康提示（过敏、慢性病等）',
    purpose: '托管期间发生意外或身体不适时联系家长、照护孩子',
    retention: '与孩子信息一同保存和删除',
    visibleTo: '仅您本人和孩子所在托管点的工作人员；导出的花名册仅限该托管点工作人员',
    sensitive: true,
  },
  {
    field: '家庭情况申报（小微企业双职工、单亲家庭、困难职工家庭）及核实结果',
    purpose: '名额不足时确定摇号的优先档次；由主办工会核实',
    retention: '您使用暑托班服务期间保存；可随时修改或撤回申报；注销账号时删除',
    visibleTo: '本人；您报名的暑托班的主办工会及其上级工会管理员。公布的摇号记录只含报名编号和档次，不含姓名',
    sensitive: true,
  },
  {
    field: '暑托班报名记录（班期、状态、摇号排序、候补位次、出勤）',
    purpose: '录取、候补递补、出勤统计和“出勤率不足不能报下一期”的规定',
    retention:
      '您使用本服务期间保存；注销账号时未结束的报名撤回（递补名额放弃），报名与出勤记录删除孩子姓名、解除与账号的关联后由托管点存档。孩子已录取的班期结束前不能注销',
    visibleTo: '本人；托管点工作人员；主办工会管理员（仅脱敏姓名）',
  },
  // Publishing to followers (活动与资讯, 消息), docs/content.md and docs/notifications.md.
  {
    field: '关注的工会、阅读记录（每篇内容是否读过）',
    purpose: '在“活动”中显示您关注的工会发布的内容；阅读数每人只计一次',
    retention: '您使用本服务期间保存；注销账号时删除（关注人数相应减少，阅读总数不变）',
    visibleTo: '仅系统内部使用；工会只看到关注人数和阅读总数，看不到具体是谁',
  },
  {
    field: '活动报名记录（活动、报名或候补状态、签到时间）',
    purpose: '名额分配、候补递补、现场签到和报名结果通知',
    retention: '您使用本服务期间保存；注销账号时未开始活动的报名先取消（名额让给候补），所有报名记录删除',
    visibleTo: '本人；举办活动的工会及其上级工会管理员（仅脱敏姓名）',
  },
  {
    field: '消息订阅选择和站内消息',
    purpose: '按您每次同意的次数发送微信订阅消息（每次同意只发一条）；站内“消息”列表保存各项业务结果通知',
    retention: '您使用本服务期间保存；注销账号时删除，待发送的订阅消息不再发送',
    visibleTo: '仅本人',
  },
  // Friday benefit drops (周五福利), docs/benefit.md.
  {
    field: '福利领取与抽签报名记录（领取时间、兑换码、核销时间；抽签用的匿名编号）',
    purpose: '发放和核销福利、保证每人限领份数、公布可复核的抽签名单（名单只含无法对应到个人的匿名编号）',
    retention:
      '您使用本服务期间保存；注销账号时未核销的兑换码作废并删除、未开奖的抽签报名撤回；已核销或已过期的领取记录和已开奖的抽签记录解除与账号的关联后保留（与商家结算、核销审计、抽签结果复核）',
    visibleTo: '本人；发放福利的工会及其上级工会管理员（脱敏姓名、兑换码）；公开的抽签名单只显示匿名编号',
  },
  // Account deletion (注销账号), docs/membership.md.
  {
    field: '工会工作人员的经办记录（审核、导入、停用、核销、签到、发布等操作的经办人）',
    purpose: '工会内部留痕，便于核查每项操作由谁办理',
    retention: '属于工会的工作记录，长期保存；注销账号后经办人改为无法还原的匿名标识，记录保留',
    visibleTo: '相关工会的管理员（经办人的脱敏姓名）',
  },
  {
    field: '注销记录（注销时间和删除、保留的记录数量）',
    purpose: '证明已按您的要求完成注销；注销中途中断时由系统自动完成',
    retention: '长期保存；不含 OpenID、姓名等个人信息，只以无法还原的加密摘要标识（注销进行期间临时保存 OpenID，完成即删除）',
    visibleTo: '仅系统内部使用',
  },
];
