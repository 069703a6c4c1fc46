import { describe, expect, it } from 'vitest';
import { mapStatus } from './status';

describe('mapStatus', () => {
  it.each([
    ['待受理', 'new'],
    ['未受理', 'new'],
    ['待处理', 'new'],
    ['已提交', 'new'],
    ['待審核', 'new'],
    ['submitted', 'new'],
    ['Open', 'new'],
    ['已受理', 'accepted'],
    ['已派单', 'accepted'],
    ['已签收', 'accepted'],
    ['已转办', 'accepted'],
    ['已分派', 'accepted'],
    ['Acknowledged', 'accepted'],
    ['assigned', 'accepted'],
    ['办理中', 'in_progress'],
    ['处理中', 'in_progress'],
    ['正在办理', 'in_progress'],
    ['跟进中', 'in_progress'],
    ['處理中', 'in_progress'],
    ['In progress', 'in_progress'],
    ['Investigating', 'in_progress'],
    ['Action scheduled', 'in_progress'],
    ['已办结', 'resolved'],
    ['已解决', 'resolved'],
    ['已处理', 'resolved'],
    ['已回复', 'resolved'],
    ['已完成', 'resolved'],
    ['已辦結', 'resolved'],
    ['Fixed', 'resolved'],
    ['resolved', 'resolved'],
    ['Completed', 'resolved'],
    ['已关闭', 'closed'],
    ['已归档', 'closed'],
    ['已评价', 'closed'],
    ['已結案', 'closed'],
    ['Closed', 'closed'],
    ['不予受理', 'rejected'],
    ['已退回', 'rejected'],
    ['驳回', 'rejected'],
    ['不受理', 'rejected'],
    ['Rejected', 'rejected'],
    ['declined', 'rejected'],
  ])('%s → %s', (word, status) => {
    expect(mapStatus(word)).toBe(status);
  });

  it('reads short phrases', () => {
    expect(mapStatus('State changed to: Investigating')).toBe('in_progress');
    expect(mapStatus('该件已办结')).toBe('resolved');
    expect(mapStatus('【不予受理】')).toBe('rejected');
    expect(mapStatus('This problem has been fixed')).toBe('resolved');
  });

  it('prefers the longer word (不予受理 is not 受理)', () => {
    expect(mapStatus('不予受理')).toBe('rejected');
    expect(mapStatus('未受理')).toBe('new');
  });

  it('exact mode needs the whole text to be a status word', () => {
    expect(mapStatus('已回复', true)).toBe('resolved');
    expect(mapStatus('网友留言已回复', true)).toBeUndefined();
  });

  it('ignores unknown words and long text', () => {
    expect(mapStatus('5个工作日')).toBeUndefined();
    expect(mapStatus('')).toBeUndefined();
    expect(mapStatus('x'.repeat(100))).toBeUndefined();
  });
});
