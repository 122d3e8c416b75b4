/**
 * The plain-Chinese sentence a member reads about their application: where they stand and why
 * (the priority score, their rank in the unit's applicants for the batch, the rule that refused
 * them).
 */
import type { ApplicationStatus, RankView, ScoreView } from './schemas';

export function placeReason(a: {
  status: ApplicationStatus;
  priority: ScoreView;
  rank: RankView | null;
  unitName: string;
  refuseReason: string | null;
}): string {
  const rank = a.rank ? `在${a.unitName}本批次 ${a.rank.of} 名申请人中排第 ${a.rank.position} 位` : '';
  switch (a.status) {
    case 'pending':
      return `审核中。${a.priority.explanation}${rank ? `，目前${rank}` : ''}。单位工会按优先分从高到低、在年度名额内审批。`;
    case 'approved':
      return `已获批。${a.priority.explanation}${rank ? `，${rank}` : ''}，在本单位年度名额和批次名额内获得名额。`;
    case 'refused':
      return `未获批准：${a.refuseReason ?? '单位工会未予批准'}。`;
    case 'withdrawn':
      return '您已撤回该申请，本年度可重新申请。';
    case 'attended':
      return '您已参加本批次疗休养。';
    case 'absent':
      return '该批次登记为未出勤。';
  }
}
