import { describe, expect, it } from 'vitest';
import { looksLikeLabel, matchLabel, normalizeLabel, toSimplified } from './labels';

describe('normalizeLabel', () => {
  it.each([
    ['联　系　人：', '联系人'],
    ['联 系 人:', '联系人'],
    ['*反映时间：', '反映时间'],
    ['※ 聯絡電話', '联络电话'],
    ['【诉求内容】', '诉求内容'],
    ['Case number:', 'casenumber'],
    ['處理狀態', '处理状态'],
  ])('%s → %s', (raw, want) => {
    expect(normalizeLabel(raw)).toBe(want);
  });

  it('folds traditional characters in status words too', () => {
    expect(toSimplified('已辦結')).toBe('已办结');
  });
});

describe('matchLabel', () => {
  it.each([
    ['诉求标题：', 'title'],
    ['主　　题', 'title'],
    ['Subject', 'title'],
    ['主旨', 'title'],
    ['诉求内容', 'description'],
    ['來電內容', 'description'],
    ['Details', 'description'],
    ['发生地址', 'address'],
    ['涉及地点', 'address'],
    ['Location', 'address'],
    ['联 系 人', 'reporterName'],
    ['来 电 人：', 'reporterName'],
    ['Reported by', 'reporterName'],
    ['联系电话', 'phone'],
    ['Phone', 'phone'],
    ['工单编号', 'caseNumber'],
    ['来电编号', 'caseNumber'],
    ['Reference', 'caseNumber'],
    ['Case number', 'caseNumber'],
    ['受理时间', 'reportedAt'],
    ['反映時間', 'reportedAt'],
    ['Submitted', 'reportedAt'],
    ['诉求类型', 'category'],
    ['问题分类', 'category'],
    ['Category', 'category'],
    ['办理状态', 'status'],
    ['案件状态', 'status'],
    ['Status', 'status'],
    ['承办单位', 'department'],
    ['处置部门', 'department'],
    ['承辦機關', 'department'],
    ['Assigned to', 'department'],
    ['办理结果', 'update'],
    ['回复内容', 'update'],
    ['处理意见', 'update'],
    ['Response', 'update'],
    ['回复时间', 'updateAt'],
    ['办结时间', 'updateAt'],
    ['回复单位', 'updateBy'],
    ['身份证号', 'secret'],
    ['证件号码', 'secret'],
    ['序号', 'ignore'],
    ['登记人', 'ignore'],
    ['诉求渠道', 'channel'],
  ])('%s → %s', (raw, field) => {
    expect(matchLabel(raw)?.field).toBe(field);
  });

  it('ranks the usual word above the vague one', () => {
    expect(matchLabel('发生地址')!.rank).toBeLessThan(matchLabel('地址')!.rank);
    expect(matchLabel('受理时间')!.rank).toBeLessThan(matchLabel('时间')!.rank);
  });

  it('does not take sentences or page names for labels', () => {
    expect(matchLabel('市民来电反映')).toBeNull();
    expect(matchLabel('工单详情', true)).toBeNull();
    expect(matchLabel('This is a long sentence that is not a label at all')).toBeNull();
  });

  it('exact mode skips the suffix rules', () => {
    expect(matchLabel('工单类型')?.field).toBe('category');
    expect(matchLabel('工单类型', true)).toBeNull();
  });
});

describe('looksLikeLabel', () => {
  it('accepts a short word with a colon, not times or sentences', () => {
    expect(looksLikeLabel('所属网格：')).toBe(true);
    expect(looksLikeLabel('14:')).toBe(false);
    expect(looksLikeLabel('所属网格')).toBe(false);
    expect(looksLikeLabel('你好，我想问一下：')).toBe(false);
  });
});
