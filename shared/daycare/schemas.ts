/**
 * The `daycare` function's requests (JSON Schemas, `as const`, typed with FromSchema; every
 * property has a Chinese title for the validator's messages). Responses are in ./views.ts.
 */
import type { FromSchema } from 'json-schema-to-ts';
import { geoPointSchema } from '../venue/schemas';
import { PHONE_PATTERN, REAL_NAME_PATTERN } from '../member/mask';
import { CALENDAR_DATE_PATTERN } from '../validation/dates';

const id = (title: string) => ({ type: 'string', title, minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }) as const;
/** An instant (epoch ms) 2017–2096: anything outside is a typo, and past ±8.64e15 JavaScript has no Date for it. */
const epochMs = (title: string) => ({ type: 'integer', title, minimum: 1_500_000_000_000, maximum: 4_000_000_000_000 }) as const;
const ymd = (title: string) => ({ type: 'string', title, pattern: CALENDAR_DATE_PATTERN }) as const;
const empty = (sid: string) => ({ $id: sid, type: 'object', additionalProperties: false, properties: {} }) as const;
const circumstance = { type: 'string', title: '家庭情况', enum: ['dual_worker_sme', 'single_parent', 'hardship'] } as const;

// ---- Parents ------------------------------------------------------------------------------

export const overviewRequest = empty('daycare.overview');
export type OverviewRequest = FromSchema<typeof overviewRequest>;

export const consentRequest = {
  $id: 'daycare.consent',
  type: 'object',
  additionalProperties: false,
  required: ['agree'],
  properties: { agree: { type: 'boolean', title: '同意《儿童个人信息处理规则》（监护人单独同意）' } },
} as const;
export type ConsentRequest = FromSchema<typeof consentRequest>;

export const myChildrenRequest = empty('daycare.myChildren');
export type MyChildrenRequest = FromSchema<typeof myChildrenRequest>;

export const addChildRequest = {
  $id: 'daycare.addChild',
  type: 'object',
  additionalProperties: false,
  required: ['name', 'gender', 'school', 'emergencyName', 'emergencyPhone'],
  properties: {
    name: { type: 'string', title: '孩子姓名', minLength: 1, maxLength: 20, pattern: REAL_NAME_PATTERN },
    gender: { type: 'string', title: '性别', enum: ['male', 'female'] },
    birthDate: ymd('出生日期'),
    grade: { type: 'integer', title: '在读年级', minimum: 1, maximum: 6 },
    school: { type: 'string', title: '就读学校', minLength: 2, maxLength: 40 },
    emergencyName: { type: 'string', title: '紧急联系人', minLength: 1, maxLength: 20, pattern: REAL_NAME_PATTERN },
    emergencyPhone: { type: 'string', title: '紧急联系电话', pattern: PHONE_PATTERN },
    healthNotes: { type: 'string', title: '健康提示（过敏、慢性病等）', maxLength: 200 },
  },
} as const;
export type AddChildRequest = FromSchema<typeof addChildRequest>;

export const deleteChildRequest = {
  $id: 'daycare.deleteChild',
  type: 'object',
  additionalProperties: false,
  required: ['childId'],
  properties: { childId: id('孩子') },
} as const;
export type DeleteChildRequest = FromSchema<typeof deleteChildRequest>;

export const childDetailRequest = { ...deleteChildRequest, $id: 'daycare.childDetail' } as const;
export type ChildDetailRequest = FromSchema<typeof childDetailRequest>;

export const declareFamilyRequest = {
  $id: 'daycare.declareFamily',
  type: 'object',
  additionalProperties: false,
  required: ['circumstances'],
  properties: { circumstances: { type: 'array', title: '家庭情况', maxItems: 3, uniqueItems: true, items: circumstance } },
} as const;
export type DeclareFamilyRequest = FromSchema<typeof declareFamilyRequest>;

export const signUpRequest = {
  $id: 'daycare.signUp',
  type: 'object',
  additionalProperties: false,
  required: ['slotId', 'childId'],
  properties: { slotId: id('班期'), childId: id('孩子') },
} as const;
export type SignUpRequest = FromSchema<typeof signUpRequest>;

export const myRegistrationsRequest = empty('daycare.myRegistrations');
export type MyRegistrationsRequest = FromSchema<typeof myRegistrationsRequest>;

export const acceptOfferRequest = {
  $id: 'daycare.acceptOffer',
  type: 'object',
  additionalProperties: false,
  required: ['registrationId'],
  properties: { registrationId: id('报名编号') },
} as const;
export type AcceptOfferRequest = FromSchema<typeof acceptOfferRequest>;

export const cancelRequest = { ...acceptOfferRequest, $id: 'daycare.cancel' } as const;
export type CancelRequest = FromSchema<typeof cancelRequest>;

export const lotteryRecordRequest = {
  $id: 'daycare.lotteryRecord',
  type: 'object',
  additionalProperties: false,
  required: ['campaignId'],
  properties: { campaignId: id('暑托班活动') },
} as const;
export type LotteryRecordRequest = FromSchema<typeof lotteryRecordRequest>;

// ---- Union admins -------------------------------------------------------------------------

export const adminCampaignsRequest = empty('daycare.adminCampaigns');
export type AdminCampaignsRequest = FromSchema<typeof adminCampaignsRequest>;

export const adminCreateCampaignRequest = {
  $id: 'daycare.adminCreateCampaign',
  type: 'object',
  additionalProperties: false,
  required: ['unionId', 'title', 'summer', 'opensAt', 'closesAt', 'mode'],
  properties: {
    unionId: id('主办工会'),
    title: { type: 'string', title: '活动名称', minLength: 4, maxLength: 40 },
    summer: { type: 'integer', title: '暑期年份', minimum: 2024, maximum: 2100 },
    opensAt: epochMs('报名开始时间'),
    closesAt: epochMs('报名截止时间'),
    mode: { type: 'string', title: '录取方式', enum: ['first_come', 'lottery'] },
    periodLimit: { type: 'integer', title: '每个孩子每个暑期可报期数', minimum: 1, maximum: 4 },
    attendanceThreshold: { type: 'number', title: '出勤率要求', minimum: 0, maximum: 1 },
    offerHours: { type: 'integer', title: '递补确认时限（小时）', minimum: 1, maximum: 168 },
    tierOrder: { type: 'array', title: '优先档次顺序', minItems: 1, maxItems: 3, uniqueItems: true, items: circumstance },
  },
} as const;
export type AdminCreateCampaignRequest = FromSchema<typeof adminCreateCampaignRequest>;

export const adminAddSiteRequest = {
  $id: 'daycare.adminAddSite',
  type: 'object',
  additionalProperties: false,
  required: ['campaignId', 'hostUnionId', 'name', 'address', 'contactName', 'contactPhone', 'kind'],
  properties: {
    campaignId: id('暑托班活动'),
    hostUnionId: id('承办工会'),
    name: { type: 'string', title: '托管点名称', minLength: 2, maxLength: 40 },
    address: { type: 'string', title: '地址', minLength: 4, maxLength: 80 },
    contactName: { type: 'string', title: '联系人', minLength: 1, maxLength: 20 },
    contactPhone: { type: 'string', title: '联系电话', pattern: '^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$' },
    kind: { type: 'string', title: '班型', enum: ['arts', 'science'] },
    /** Optional map position: parents tap 查看位置 to open it in the map. */
    location: geoPointSchema,
  },
} as const;
export type AdminAddSiteRequest = FromSchema<typeof adminAddSiteRequest>;

export const adminAddSlotRequest = {
  $id: 'daycare.adminAddSlot',
  type: 'object',
  additionalProperties: false,
  required: ['siteId', 'periodName', 'startDate', 'endDate', 'band', 'capacity'],
  properties: {
    siteId: id('托管点'),
    periodName: { type: 'string', title: '期次名称', minLength: 2, maxLength: 20 },
    startDate: ymd('开班日期'),
    endDate: ymd('结班日期'),
    band: { type: 'string', title: '年级段', enum: ['lower', 'upper'] },
    capacity: { type: 'integer', title: '名额', minimum: 1, maximum: 500 },
  },
} as const;
export type AdminAddSlotRequest = FromSchema<typeof adminAddSlotRequest>;

export const adminSetStaffRequest = {
  $id: 'daycare.adminSetStaff',
  type: 'object',
  additionalProperties: false,
  required: ['siteId', 'cardNos'],
  properties: {
    siteId: id('托管点'),
    cardNos: {
      type: 'array',
      title: '工作人员会员卡号',
      maxItems: 20,
      uniqueItems: true,
      items: { type: 'string', title: '会员卡号', minLength: 4, maxLength: 32 },
    },
  },
} as const;
export type AdminSetStaffRequest = FromSchema<typeof adminSetStaffRequest>;

export const adminFiguresRequest = { ...lotteryRecordRequest, $id: 'daycare.adminFigures' } as const;
export type AdminFiguresRequest = FromSchema<typeof adminFiguresRequest>;

export const adminFamiliesRequest = { ...lotteryRecordRequest, $id: 'daycare.adminFamilies' } as const;
export type AdminFamiliesRequest = FromSchema<typeof adminFamiliesRequest>;

export const adminCheckFamilyRequest = {
  $id: 'daycare.adminCheckFamily',
  type: 'object',
  additionalProperties: false,
  required: ['registrationId', 'kind', 'decision'],
  properties: {
    registrationId: id('报名编号'),
    kind: circumstance,
    decision: { type: 'string', title: '核实结果', enum: ['verified', 'rejected'] },
  },
} as const;
export type AdminCheckFamilyRequest = FromSchema<typeof adminCheckFamilyRequest>;

export const adminAuditRequest = {
  $id: 'daycare.adminAudit',
  type: 'object',
  additionalProperties: false,
  required: ['campaignId'],
  properties: { campaignId: id('暑托班活动'), registrationId: id('报名编号') },
} as const;
export type AdminAuditRequest = FromSchema<typeof adminAuditRequest>;

// ---- Site staff ---------------------------------------------------------------------------

export const staffSitesRequest = empty('daycare.staffSites');
export type StaffSitesRequest = FromSchema<typeof staffSitesRequest>;

export const staffRosterRequest = {
  $id: 'daycare.staffRoster',
  type: 'object',
  additionalProperties: false,
  required: ['slotId'],
  properties: { slotId: id('班期') },
} as const;
export type StaffRosterRequest = FromSchema<typeof staffRosterRequest>;

export const staffRosterCsvRequest = { ...staffRosterRequest, $id: 'daycare.staffRosterCsv' } as const;
export type StaffRosterCsvRequest = FromSchema<typeof staffRosterCsvRequest>;

export const staffMarkAttendanceRequest = {
  $id: 'daycare.staffMarkAttendance',
  type: 'object',
  additionalProperties: false,
  required: ['slotId', 'date', 'marks'],
  properties: {
    slotId: id('班期'),
    date: ymd('出勤日期'),
    marks: {
      type: 'array',
      title: '出勤记录',
      minItems: 1,
      maxItems: 500,
      items: {
        type: 'object',
        title: '出勤记录',
        additionalProperties: false,
        required: ['registrationId', 'present'],
        properties: { registrationId: id('报名编号'), present: { type: 'boolean', title: '是否出勤' } },
      },
    },
  },
} as const;
export type StaffMarkAttendanceRequest = FromSchema<typeof staffMarkAttendanceRequest>;

export const DAYCARE_SCHEMAS = {
  'daycare.overview': overviewRequest,
  'daycare.consent': consentRequest,
  'daycare.myChildren': myChildrenRequest,
  'daycare.addChild': addChildRequest,
  'daycare.deleteChild': deleteChildRequest,
  'daycare.childDetail': childDetailRequest,
  'daycare.declareFamily': declareFamilyRequest,
  'daycare.signUp': signUpRequest,
  'daycare.myRegistrations': myRegistrationsRequest,
  'daycare.acceptOffer': acceptOfferRequest,
  'daycare.cancel': cancelRequest,
  'daycare.lotteryRecord': lotteryRecordRequest,
  'daycare.adminCampaigns': adminCampaignsRequest,
  'daycare.adminCreateCampaign': adminCreateCampaignRequest,
  'daycare.adminAddSite': adminAddSiteRequest,
  'daycare.adminAddSlot': adminAddSlotRequest,
  'daycare.adminSetStaff': adminSetStaffRequest,
  'daycare.adminFigures': adminFiguresRequest,
  'daycare.adminFamilies': adminFamiliesRequest,
  'daycare.adminCheckFamily': adminCheckFamilyRequest,
  'daycare.adminAudit': adminAuditRequest,
  'daycare.staffSites': staffSitesRequest,
  'daycare.staffRoster': staffRosterRequest,
  'daycare.staffRosterCsv': staffRosterCsvRequest,
  'daycare.staffMarkAttendance': staffMarkAttendanceRequest,
} as const;
