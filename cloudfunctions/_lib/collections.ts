/**
 * Every collection and index, in one module. The local cloud creates them at start; the deploy
 * step prints them for the CloudBase console (or creates them, see scripts/deploy.ts).
 * Unique indexes here are enforced by the local cloud exactly as CloudBase enforces them
 * (DATABASE_DUPLICATE_WRITE), so idempotency that relies on them is tested locally.
 */
export interface IndexSpec {
  name: string;
  keys: Record<string, 1 | -1>;
  unique?: boolean;
}
export interface CollectionSpec {
  name: string;
  indexes?: IndexSpec[];
}

export const C = {
  /** One document per WeChat user, `_id` = OPENID: profile, roles, membership status. */
  users: 'users',
  /** The union tree (市总 → 区县 → 街道 → 基层). */
  unions: 'unions',
  /** Short notices shown on the home page. */
  notices: 'notices',
  /** 首页轮播图 put up by unions (system.adminCreateBanner): picture, title, in-app link, time window, order. */
  banners: 'banners',
  /** 联系工会: one public office contact per union, `_id` = unionId (system.adminSaveContact). */
  unionContacts: 'union_contacts',
  /** Bookkeeping of the local cloud / deploy init (seed version…). */
  meta: 'system_meta',
  /** When each scheduled job next has work, `_id` = job id (`_lib/schedule.ts`); read whole by `system.tick`. */
  schedule: 'schedule',
  /** In-app notices (消息), one per event per member; always written. */
  notifications: 'notifications',
  /** Subscribe messages to send: pending → sent / failed / skipped (cloudfunctions/notify). */
  outbox: 'outbox',
  /** One-time subscribe-message acceptances per member, `_id` = OPENID: `credits.<template>`. */
  subscriptions: 'subscriptions',
  /**
   * Join applications, `_id` = idHash: one current application per person, so "one pending
   * application per ID number" is a primary-key fact, not a check that two requests can race.
   */
  memberApplications: 'member_applications',
  /** Members (verified, from approval or bulk import), `_id` = idHash; `cardNo` unique. */
  members: 'members',
  /** Sequence counters (`_id` = counter name: `memberCardNo`, `unionAdmins_<unionId>`), advanced only inside transactions. */
  counters: 'counters',
  /**
   * Identity-proof attempts per WeChat user, `_id` = `idproof:<openid>`: counts and window starts
   * only (never a name or ID number), taken by conditional `_.inc` (member/lib/attempts.ts).
   */
  memberAttempts: 'member_attempts',
  /**
   * Card suspensions and reinstatements, `_id` = `<memberId>_<statusVersion>`: one entry per
   * applied change (who, when, why), written in the transaction that makes the change.
   */
  memberAudit: 'member_audit',
  /**
   * Appointments and removals of union admins (管理员管理), `_id` = `<unionId>_<n>`: one entry per
   * applied change (whom — `openid`, `memberId`, `cardNo`, masked name —, who, when, why), written
   * in the transaction that changes `users.adminUnionIds`. `n` comes from `counters/unionAdmins_<unionId>`,
   * which every change of that union's admins advances (so they are serialized: the admin limit
   * and "not the root's last admin" hold under races) and which keeps the last requestId.
   */
  adminAudit: 'admin_audit',
  /**
   * Admin identity look-ups that found nobody in the admin's subtree, per admin per business day,
   * `_id` = `<adminKey>_<YYYYMMDD>` (`_lib/lookups.ts`): the budget's counter. No openid, no identifier.
   */
  lookupBudgets: 'admin_lookup_budgets',
  /** One entry per admin identity look-up: action, how many identifiers, how many misses (never the identifiers). */
  lookupAudit: 'admin_lookup_audit',
  /**
   * 转会待核对: an import row whose person is a member of a union outside the importer's subtree,
   * `_id` = `<memberId>_<toUnionId>`, addressed to the lowest union above both (member/lib/transfers.ts).
   */
  memberTransfers: 'member_transfers',
  /** Day-care campaigns (one union's summer programme: window, mode, limits, seed commitment). */
  daycareCampaigns: 'daycare_campaigns',
  /** Lottery seeds, `_id` = campaignId; read only by the allocation trigger until published. */
  daycareSeeds: 'daycare_seeds',
  /** Published lottery records, `_id` = campaignId (entries, seed, result). */
  daycareLotteries: 'daycare_lotteries',
  /** Day-care sites (host union, address, contact, kind, staff openids). */
  daycareSites: 'daycare_sites',
  /** Period × grade band with capacity and the `remaining` counter taken by conditional updates. */
  daycareSlots: 'daycare_slots',
  /** Children (guardian's openid, minimum fields, no ID number). */
  daycareChildren: 'daycare_children',
  /** Guardian's separate consent for children's data, `_id` = OPENID. */
  daycareConsents: 'daycare_consents',
  /** Declared family circumstances for priority, `_id` = OPENID. */
  daycareFamilies: 'daycare_families',
  /** Sign-ups (status, tier, queue key, offer deadline, attendance marks). */
  daycareRegistrations: 'daycare_registrations',
  /** One period of a summer per child: `_id` = `<childId>_<summer>_<k>`, k ≤ the campaign's limit. */
  daycareHolds: 'daycare_holds',
  /** Every allocation / waitlist / cancellation step. */
  daycareAudit: 'daycare_audit',
  /** Subscribe-message opt-in reports, `_id` = `<openid>_<requestId>`: a retried report adds no credit. */
  subscriptionOptIns: 'subscription_optins',
  /** Articles and activities published by unions to their followers (docs/content.md). */
  posts: 'posts',
  /** Edit history of posts, `_id` = `<postId>_<version>`. */
  postRevisions: 'post_revisions',
  /** One document per member who opened a post, `_id` = `<postId>_<openid>`: reads count once. */
  postReads: 'post_reads',
  /** Activity sign-ups, `_id` = `<postId>_<openid>`: signed / waitlisted / cancelled. */
  activitySignups: 'activity_signups',
  /** Per-union follower counter, `_id` = unionId. */
  unionStats: 'union_stats',
  /** Follows / unfollows per union per business day, `_id` = `<unionId>_<YYYYMMDD>`. */
  unionFollowDays: 'union_follow_days',
  /** Recuperation venues (疗休养场所). */
  recuVenues: 'recu_venues',
  /** Recuperation batches; `seatsLeft` is the capacity counter (conditional decrement). */
  recuBatches: 'recu_batches',
  /** Unit (基层工会) recuperation settings, `_id` = unionId. */
  recuUnits: 'recu_units',
  /**
   * Recuperation applications, `_id` = `<year>_<hash of the member>`: one application per
   * member per year is a primary-key fact.
   */
  recuApplications: 'recu_applications',
  /** Recuperation counters: `year_<unionId>_<year>` (places left) and `roster_<batchId>_<unionId>` (leaders). */
  recuCounters: 'recu_counters',
  /** 本地行 subsidy claims. */
  recuSubsidies: 'recu_subsidies',
  /** Friday benefit drops (docs/benefit.md): `_id` = drop id; immutable once published (except 撤回 before the opening). */
  drops: 'drops',
  /** Stock shards `<dropId>_s<i>` `{left, lastTakenAt}`: taken by conditional decrement, never in a transaction. */
  dropStock: 'drop_stock',
  /** Claims `<dropId>_<openid>_<slot>` (deterministic: idempotency + per-member limit); `code` unique. */
  dropClaims: 'drop_claims',
  /** Draw registrations `<dropId>_<openid>`. */
  dropRegistrations: 'drop_registrations',
  /** Published draw record per drop (commitment, then seed, entrants, winners). */
  dropDraws: 'drop_draws',
  /** The draw seed until it is published (never returned by any action before the draw). */
  dropSecrets: 'drop_secrets',
  /** Redemption audit trail: every attempt (who, when, which code, outcome). */
  redemptionAudit: 'redemption_audit',
  /** Admin actions on a drop other than publishing (撤回), `_id` = `<dropId>_<action>`: who, when, why. */
  dropAudit: 'drop_audit',
  /**
   * 注销账号 jobs, `_id` = keyed hash of the openid (member/lib/deletion): the marker written
   * before anything is deleted, the steps done, counts. Holds the openid only while running.
   */
  accountDeletions: 'account_deletions',
  /**
   * 工会工作台 login tickets, `_id` = SHA-256 of the ticket (the QR code's secret is never stored):
   * pending → scanned → confirmed / declined → claimed, valid 2 minutes, used once.
   */
  consoleTickets: 'console_tickets',
  /**
   * 工会工作台 sessions, `_id` = the session id (first 128 bits of the token's SHA-256; the token
   * itself is never stored): the admin's openid, device, idle and absolute expiry, revocation.
   */
  consoleSessions: 'console_sessions',
  /**
   * How many 工会工作台 login tickets one client asked for in the current window, `_id` =
   * `<kind>:<SHA-256 of the anonymous user id or IP>` (member/lib/consoleTicketLimit.ts): counts
   * and the window's end only, never the IP itself.
   */
  consoleTicketLimits: 'console_ticket_limits',
} as const;

export type CollectionName = (typeof C)[keyof typeof C];

export const COLLECTION_SPECS: CollectionSpec[] = [
  {
    name: C.users,
    indexes: [
      { name: 'union', keys: { unionId: 1 } },
      // Follower recount per union (content's nightly reconciliation).
      { name: 'follows', keys: { follows: 1 } },
      // 管理员管理: the admins of a union (array field: matches users whose adminUnionIds contain it).
      { name: 'admins', keys: { adminUnionIds: 1 } },
    ],
  },
  {
    name: C.unions,
    indexes: [
      { name: 'parent', keys: { parentId: 1 } },
      { name: 'code_unique', keys: { code: 1 }, unique: true },
      // member.listUnions: by level (the join form's grassroots list) and within a subtree (admin pickers).
      { name: 'level', keys: { level: 1 } },
      { name: 'ancestors', keys: { ancestors: 1 } },
    ],
  },
  { name: C.notices, indexes: [{ name: 'published', keys: { publishedAt: -1 } }] },
  {
    name: C.banners,
    indexes: [
      // The carousel: the banners of a chain of unions whose window has not ended.
      { name: 'union_end', keys: { unionId: 1, endAt: 1 } },
      // Admin lists: banners in the admin's subtree.
      { name: 'scope', keys: { unionAncestors: 1, endAt: -1 } },
    ],
  },
  { name: C.unionContacts },
  { name: C.meta },
  // A dozen documents read whole every minute: no index.
  { name: C.schedule },
  { name: C.notifications, indexes: [{ name: 'inbox', keys: { openid: 1, createdAt: -1 } }] },
  {
    name: C.outbox,
    indexes: [
      { name: 'queue', keys: { status: 1, createdAt: 1 } },
      // The sender's query: pending entries whose (re)try time has come.
      { name: 'due', keys: { status: 1, nextAttemptAt: 1 } },
    ],
  },
  { name: C.subscriptions },
  {
    name: C.memberApplications,
    indexes: [
      { name: 'scope_status', keys: { unionAncestors: 1, status: 1, submittedAt: 1 } },
      { name: 'openid', keys: { openid: 1, submittedAt: -1 } },
    ],
  },
  {
    name: C.members,
    indexes: [
      // Every member document has a card number (issued when it is created), so the unique
      // index never meets a missing value (CloudBase would treat two missing values as equal).
      { name: 'card_unique', keys: { cardNo: 1 }, unique: true },
      { name: 'openid', keys: { openid: 1 } },
      { name: 'union', keys: { unionAncestors: 1 } },
    ],
  },
  { name: C.counters },
  // 注销账号 keeps a budget with counted tries until its windows end; the member timer then deletes it.
  { name: C.memberAttempts, indexes: [{ name: 'purge', keys: { purgeAfter: 1 } }] },
  // A member's history, newest first (nothing lists it yet; the last change is on the member).
  { name: C.memberAudit, indexes: [{ name: 'member', keys: { memberId: 1, at: -1 } }] },
  // A member's history (appointments show there too) and a union's appointments (since when, by whom).
  {
    name: C.adminAudit,
    indexes: [
      { name: 'member', keys: { memberId: 1, at: -1 } },
      { name: 'union', keys: { unionId: 1, kind: 1, at: -1 } },
    ],
  },
  { name: C.lookupBudgets },
  { name: C.lookupAudit, indexes: [{ name: 'admin', keys: { adminKey: 1, at: -1 } }] },
  { name: C.memberTransfers, indexes: [{ name: 'scope_status', keys: { unionAncestors: 1, status: 1, requestedAt: -1 } }] },
  {
    name: C.daycareCampaigns,
    indexes: [
      { name: 'scope', keys: { unionAncestors: 1, closesAt: -1 } },
      { name: 'closing', keys: { status: 1, closesAt: 1 } },
    ],
  },
  { name: C.daycareSeeds },
  { name: C.daycareLotteries },
  {
    name: C.daycareSites,
    indexes: [
      { name: 'campaign', keys: { campaignId: 1 } },
      { name: 'staff', keys: { staffOpenids: 1 } },
    ],
  },
  {
    name: C.daycareSlots,
    indexes: [
      { name: 'campaign', keys: { campaignId: 1 } },
      { name: 'site', keys: { siteId: 1 } },
      // The offer-expiry and place-recount timers: periods that have not started.
      { name: 'start', keys: { startDate: 1 } },
    ],
  },
  { name: C.daycareChildren, indexes: [{ name: 'guardian', keys: { guardianOpenid: 1, createdAt: 1 } }] },
  { name: C.daycareConsents },
  { name: C.daycareFamilies },
  {
    name: C.daycareRegistrations,
    indexes: [
      { name: 'slot_queue', keys: { slotId: 1, status: 1, queueKey: 1 } },
      { name: 'guardian', keys: { guardianOpenid: 1, createdAt: -1 } },
      { name: 'child', keys: { childId: 1, summer: 1 } },
      { name: 'campaign', keys: { campaignId: 1, status: 1 } },
      { name: 'offers', keys: { status: 1, offerExpiresAt: 1 } },
      // The place recount: has any registration of the slot changed lately?
      { name: 'slot_changes', keys: { slotId: 1, updatedAt: 1 } },
      // 工会工作台 → 概览: admitted / waitlisted sign-ups in a subtree.
      { name: 'scope_status', keys: { campaignUnionAncestors: 1, status: 1 } },
    ],
  },
  { name: C.daycareHolds, indexes: [{ name: 'registration_unique', keys: { registrationId: 1 }, unique: true }] },
  { name: C.daycareAudit, indexes: [{ name: 'campaign', keys: { campaignId: 1, at: 1 } }] },
  { name: C.subscriptionOptIns },
  {
    name: C.posts,
    indexes: [
      // The feed: followed unions' published posts, newest first (keyset pagination).
      { name: 'feed', keys: { unionId: 1, status: 1, publishedAt: -1 } },
      // The publishing timer: scheduled posts whose time has come.
      { name: 'schedule', keys: { status: 1, publishAt: 1 } },
      // Admin lists: posts in the admin's subtree.
      { name: 'scope', keys: { unionAncestors: 1, updatedAt: -1 } },
      // The reminder and place-recount timers: published activities by start time.
      { name: 'activities', keys: { kind: 1, status: 1, 'activity.startAt': 1 } },
    ],
  },
  { name: C.postRevisions, indexes: [{ name: 'post', keys: { postId: 1, version: -1 } }] },
  { name: C.postReads, indexes: [{ name: 'post', keys: { postId: 1, readAt: 1 } }] },
  {
    name: C.activitySignups,
    indexes: [
      // Roster, waitlist order (oldest waitlisted first) and counts.
      { name: 'post_status', keys: { postId: 1, status: 1, createdAt: 1 } },
      { name: 'mine', keys: { openid: 1, createdAt: -1 } },
      // The place recount: has any sign-up of the activity changed lately?
      { name: 'post_changes', keys: { postId: 1, updatedAt: 1 } },
      // The check-in finds a sign-up by the opaque key its roster showed.
      { name: 'roster_key', keys: { rosterKey: 1 } },
    ],
  },
  { name: C.unionStats },
  { name: C.unionFollowDays, indexes: [{ name: 'union_day', keys: { unionId: 1, day: 1 } }] },
  { name: C.recuVenues, indexes: [{ name: 'owner', keys: { ownerAncestors: 1 } }] },
  {
    name: C.recuBatches,
    indexes: [
      { name: 'owner_start', keys: { ownerUnionId: 1, startDate: 1 } },
      { name: 'scope', keys: { ownerAncestors: 1, startDate: -1 } },
    ],
  },
  { name: C.recuUnits, indexes: [{ name: 'scope', keys: { unionAncestors: 1 } }] },
  {
    name: C.recuApplications,
    indexes: [
      { name: 'unit_year', keys: { unionId: 1, year: 1, status: 1 } },
      { name: 'batch', keys: { batchId: 1, status: 1 } },
      { name: 'member', keys: { memberKey: 1, year: -1 } },
      { name: 'openid', keys: { openid: 1, year: -1 } },
      // 工会工作台 → 概览: applications of a subtree in a date range.
      { name: 'scope_submitted', keys: { unionAncestors: 1, submittedAt: 1 } },
    ],
  },
  { name: C.recuCounters },
  { name: C.recuSubsidies, indexes: [{ name: 'scope_year', keys: { unionAncestors: 1, year: 1 } }] },
  {
    name: C.drops,
    indexes: [
      { name: 'union_opens', keys: { unionId: 1, opensAt: -1 } },
      { name: 'scope_opens', keys: { unionAncestors: 1, opensAt: -1 } },
      { name: 'status_opens', keys: { status: 1, opensAt: 1 } },
    ],
  },
  { name: C.dropStock, indexes: [{ name: 'drop', keys: { dropId: 1 } }] },
  {
    name: C.dropClaims,
    indexes: [
      // Every claim has a code (set when the document is created), so the unique index never meets a missing value.
      { name: 'code_unique', keys: { code: 1 }, unique: true },
      { name: 'drop_time', keys: { dropId: 1, claimedAt: 1 } },
      { name: 'mine', keys: { openid: 1, claimedAt: -1 } },
      { name: 'drop_status', keys: { dropId: 1, status: 1 } },
    ],
  },
  {
    name: C.dropRegistrations,
    indexes: [
      { name: 'drop', keys: { dropId: 1, entrantKey: 1 } },
      { name: 'mine', keys: { openid: 1, registeredAt: -1 } },
    ],
  },
  { name: C.dropDraws },
  { name: C.dropSecrets },
  { name: C.redemptionAudit, indexes: [{ name: 'drop_time', keys: { dropId: 1, at: -1 } }] },
  { name: C.dropAudit, indexes: [{ name: 'scope_time', keys: { unionAncestors: 1, at: -1 } }] },
  // The member timer resumes deletion jobs whose runner died (lease expired).
  { name: C.accountDeletions, indexes: [{ name: 'resume', keys: { status: 1, leaseUntil: 1 } }] },
  { name: C.consoleTickets, indexes: [{ name: 'expiry', keys: { expiresAt: 1 } }] },
  // 我的 → 已登录的工作台: an admin's sessions, newest first.
  // The member timer purges ended sessions (member/lib/consolePurge.ts).
  {
    name: C.consoleSessions,
    indexes: [
      { name: 'mine', keys: { openid: 1, createdAt: -1 } },
      { name: 'expiry', keys: { idleExpiresAt: 1 } },
    ],
  },
  { name: C.consoleTicketLimits, indexes: [{ name: 'expiry', keys: { expiresAt: 1 } }] },
];

/**
 * The schema this code expects. `npm run deploy` writes `system_meta/schema` = { version } only
 * after it has verified that every collection and index above exists as declared; the actions
 * that stand on a unique index refuse unless the marker's version is at least this one
 * (cloudfunctions/_lib/schema.ts). Bump `version` whenever COLLECTION_SPECS changes and copy the
 * new fingerprint (tests/unit/deploy/schema.test.ts prints it): a version only grows, so code
 * already running keeps working while a newer deploy rolls out.
 */
export const SCHEMA = { version: 6, fingerprint: '0285b8d7eb7ab1d4' } as const;
