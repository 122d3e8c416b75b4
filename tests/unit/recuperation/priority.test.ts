import { compareByPriority, explainScore, priorityScore, rankByPriority } from '../../../shared/recuperation/priority';

describe('priority score', () => {
  it('adds the documented points for each factor', () => {
    expect(priorityScore({ tags: ['hazardous'], firstTime: false }).score).toBe(40);
    expect(priorityScore({ tags: ['model_worker'], firstTime: false }).score).toBe(30);
    expect(priorityScore({ tags: ['work_injured'], firstTime: false }).score).toBe(20);
    expect(priorityScore({ tags: ['near_retirement'], firstTime: false }).score).toBe(20);
    expect(priorityScore({ tags: ['frontline'], firstTime: false }).score).toBe(10);
    expect(priorityScore({ tags: [], firstTime: true }).score).toBe(5);
  });

  it('sums every factor a member has and explains each line', () => {
    const p = priorityScore({ tags: ['frontline', 'hazardous', 'model_worker', 'work_injured', 'near_retirement'], firstTime: true });
    expect(p.score).toBe(125);
    expect(p.lines.map((l) => l.key)).toEqual(['hazardous', 'model_worker', 'work_injured', 'near_retirement', 'frontline', 'first_time']);
    expect(explainScore(p)).toContain('长期从事有毒有害或高强度岗位 +40');
  });

  it('gives leaders no points and explains a zero score', () => {
    const p = priorityScore({ tags: ['leader'], firstTime: false });
    expect(p.score).toBe(0);
    expect(explainScore(p)).toBe('优先分 0 分：暂无优先条件，按申请先后排序');
  });

  it('ranks by score, then earlier application, then id', () => {
    const ranked = rankByPriority([
      { id: 'c', score: 10, submittedAt: 3 },
      { id: 'b', score: 10, submittedAt: 2 },
      { id: 'a', score: 50, submittedAt: 9 },
      { id: 'd', score: 10, submittedAt: 2 },
    ]);
    expect(ranked.map((r) => r.id)).toEqual(['a', 'b', 'd', 'c']);
    expect(compareByPriority({ id: 'x', score: 1, submittedAt: 1 }, { id: 'x', score: 1, submittedAt: 1 })).toBe(0);
  });
});
