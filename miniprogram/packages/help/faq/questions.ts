/**
 * 常见问题: what members ask, answered from the rules the code applies (docs/membership.md,
 * docs/benefit.md, docs/daycare.md, docs/recuperation.md, docs/architecture.md). Static and
 * versioned with the code: when a rule changes, its answer here changes in the same commit
 * (tests/unit/app/faq.test.ts holds a few answers to the numbers in shared/; the priority points
 * are written from shared/recuperation/priority.ts itself).
 */
import { PRIORITY_RULES } from '../../../../shared/recuperation/priority';

export interface FaqItem {
  id: string;
  q: string;
  /** Paragraphs. */
  a: string[];
  /** Where to do it, when there is a page for it. */
  link?: { title: string; url: string; tab?: boolean };
}

export interface FaqTopic {
  key: string;
  title: string;
  items: FaqItem[];
}

export const FAQ: FaqTopic[] = [
  {
    key: 'join',
    title: '入会',
    items: [
      {
        id: 'join-how',
        q: '怎么加入工会？',
        a: [
          '在首页点「入会」，填写姓名、身份证号、手机号和工作单位，阅读并同意《用户隐私保护指引》后提交。',
          '选择所在单位的工会；单位还没有成立工会的，点「我的单位没有工会」，选择单位所在区县和街道（乡镇）的工会。',
          '工会审核后，结果会发到「我的 → 消息」；通过后就能在「会员卡」里出示电子会员卡。',
        ],
        link: { title: '去入会', url: '/packages/member/join/index' },
      },
      {
        id: 'join-pending',
        q: '提交后多久能审核？可以重复提交吗？',
        a: [
          '工会按提交先后顺序审核。审核期间同一身份证号只能有一份申请，重复提交会提示“已有一份入会申请正在审核中”。',
          '被驳回时消息里会写明原因，按原因补充后可以重新申请。',
        ],
        link: { title: '查看申请进度', url: '/packages/member/status/index' },
      },
      {
        id: 'join-imported',
        q: '单位已经把我报给工会了，还要再申请吗？',
        a: ['不用。单位工会批量导入的会员，在「入会」页点「已是会员？认领会员卡」，填写姓名和身份证号，核对一致后会员卡就绑定到您的微信。'],
        link: { title: '去认领', url: '/packages/member/claim/index' },
      },
    ],
  },
  {
    key: 'card',
    title: '会员卡',
    items: [
      {
        id: 'card-show',
        q: '电子会员卡怎么用？截图可以吗？',
        a: [
          '在首页点「会员卡」，把二维码给工作人员扫一下即可核验身份。',
          '二维码每分钟自动更新，一分钟前的截图会被识别为“已过期”，所以请现场打开小程序出示。',
        ],
        link: { title: '打开会员卡', url: '/packages/member/card/index' },
      },
      {
        id: 'card-suspended',
        q: '会员卡显示“已停用”怎么办？',
        a: [
          '会员卡由所属工会停用（例如调离原单位）。停用期间不能领福利、报名暑托班和疗休养。如有疑问，请联系所属工会，恢复后即可正常使用。',
        ],
        link: { title: '联系工会', url: '/packages/help/contact/index' },
      },
    ],
  },
  {
    key: 'friday',
    title: '周五福利',
    items: [
      {
        id: 'friday-claim',
        q: '周五福利怎么领？',
        a: [
          '已认证的会员在「福利」页领取。先到先得的福利默认在周五 10:00 开抢，页面上的倒计时以服务器时间为准，开始后点「抢」即可。',
          '每人限领的份数由发布福利的工会设定（每种福利最多 5 份），领到后在「我的福利」里查看兑换码。',
          '有的福利只面向特定会员（如一线职工、劳模），页面上会写明。',
        ],
        link: { title: '去看看本周福利', url: '/pages/benefits/index', tab: true },
      },
      {
        id: 'friday-draw',
        q: '“预约抽签”的福利怎么参加？',
        a: [
          '在报名时间内点「报名」登记，每人一次。开奖时间到了由系统公开抽签，抽签结果和“如何验证”的说明在「我的福利」中查看。',
          '报名人数少于份数时，所有报名的会员都能中签。',
        ],
      },
      {
        id: 'friday-redeem',
        q: '兑换码怎么核销？过期了还能用吗？',
        a: [
          '到福利写明的地点，打开「我的福利」出示兑换码或二维码，由发布福利的工会工作人员扫码核销。每个兑换码只能核销一次。',
          '兑换码在有效期内使用（默认为福利结束后 30 天），过期后不能再核销。会员卡被停用期间也不能核销。',
        ],
        link: { title: '我的福利', url: '/packages/benefit/mine/index' },
      },
    ],
  },
  {
    key: 'daycare',
    title: '暑托班',
    items: [
      {
        id: 'daycare-signup',
        q: '暑托班怎么报名？',
        a: [
          '暑托班面向工会会员的子女，免费参加。先在「暑托班」页以监护人身份同意《儿童个人信息处理规则》，再添加孩子的信息（不需要孩子的身份证号）。',
          '在报名时间内为孩子选择托管点和班期。每个孩子每个暑期限报一期，年级要在班期的年级段（一至三年级或四至六年级）内。',
        ],
        link: { title: '去看看暑托班', url: '/packages/daycare/index/index' },
      },
      {
        id: 'daycare-lottery',
        q: '名额不够时怎么抽签？没抽中怎么办？',
        a: [
          '报名截止后，按家庭情况分优先档（默认：双职工且在小微企业工作、单亲家庭、困难职工家庭、其他会员家庭），从第一档起依次公开抽签录取，其余进入候补。',
          '候补的家庭在有人取消时按顺序递补，递补通知后需在 24 小时内确认，逾期顺延给下一位家庭。抽签的种子和结果会公开，可以自行验证。',
          '上一期出勤率低于 70% 的孩子不能报名下一期。',
        ],
        link: { title: '我的暑托班', url: '/packages/daycare/mine/index' },
      },
    ],
  },
  {
    key: 'recuperation',
    title: '疗休养',
    items: [
      {
        id: 'recu-apply',
        q: '职工疗休养怎么申请？',
        a: [
          '已认证的会员在「疗休养」页选择批次申请，每人每年只能申请一次，审核前可以撤回。',
          '需要所在基层工会已经开展疗休养；一般参加过后 3 年内不能再次参加（以单位工会的设置为准）。',
        ],
        link: { title: '去看看疗休养批次', url: '/packages/recuperation/index/index' },
      },
      {
        id: 'recu-score',
        q: '审批按什么顺序？',
        a: [
          `工会按优先分从高到低审批：${PRIORITY_RULES.map((r) => `${r.label} ${r.points} 分`).join('、')}；同分按申请先后。`,
          '申请后可以看到自己的得分明细和排名。',
        ],
      },
    ],
  },
  {
    key: 'elder',
    title: '长辈模式',
    items: [
      {
        id: 'elder-on',
        q: '字太小看不清，怎么办？',
        a: [
          '在「我的」打开「长辈模式」，所有页面的文字和按钮都会变大。',
          '手机微信设置了大字体或关怀模式时，长辈模式会自动打开；也可以在「我的」里手动关闭。',
        ],
        link: { title: '去我的', url: '/pages/mine/index', tab: true },
      },
    ],
  },
  {
    key: 'privacy',
    title: '账号注销与隐私',
    items: [
      {
        id: 'privacy-data',
        q: '我的个人信息会被谁看到？',
        a: [
          '只有您所属工会及其上级工会的管理员能看到办理业务需要的信息，姓名、身份证号、手机号都会打码显示。其他工会看不到您的信息。',
          '详细说明见《用户隐私保护指引》。',
        ],
        link: { title: '用户隐私保护指引', url: '/pages/privacy/index' },
      },
      {
        id: 'privacy-delete',
        q: '怎么注销账号？注销后会员身份还在吗？',
        a: [
          '在「我的 → 账号与隐私 → 注销账号」查看会删除和保留的内容，输入“注销”确认。',
          '注销会删除您的账号、消息、孩子信息和未使用的兑换码；会员身份属于工会，会保留在会员名册中，以后可以用任意微信重新认领。',
          '如果您是工会管理员，或孩子有尚未结束的暑托班名额、已批准且未结束的疗休养，需要先处理完才能注销。',
        ],
        link: { title: '账号与隐私', url: '/packages/member/account/index' },
      },
    ],
  },
];

/** Topics with only the items whose question or answer holds every word of `keyword` (spaces split words). */
export function searchFaq(keyword: string, topics: FaqTopic[] = FAQ): FaqTopic[] {
  const words = keyword.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return topics;
  return topics
    .map((t) => ({
      ...t,
      items: t.items.filter((i) => words.every((w) => `${t.title} ${i.q} ${i.a.join(' ')}`.toLowerCase().includes(w))),
    }))
    .filter((t) => t.items.length > 0);
}
