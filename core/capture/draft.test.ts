import { describe, expect, it } from 'vitest';
import { buildIssue, type Draft, stableHash } from './draft';

const PHONE = '13812345678';
const ID = '310101199001011234';

describe('buildIssue', () => {
  it('masks every string field (nothing unmasked leaves the extractor)', () => {
    const dirty = `${PHONE} ${ID}`;
    const draft: Draft = {
      title: dirty,
      description: dirty,
      category: dirty,
      address: dirty,
      reporterName: dirty,
      phone: PHONE,
      channel: dirty,
      department: dirty,
      caseNumber: dirty,
      url: `https://x.example.gov.cn/?tel=${PHONE}`,
      updates: [{ text: dirty, by: dirty }],
      attachments: [{ url: `https://x.example.gov.cn/${PHONE}.jpg`, kind: 'image' }],
    };
    const issue = buildIssue(draft, { now: new Date(), pageTitle: dirty, portal: dirty, pageUrl: 'https://x' }, 0);
    const json = JSON.stringify(issue);
    expect(json).not.toContain(PHONE);
    expect(json).not.toContain(ID);
    expect(/(?<!\d)1[3-9]\d{9}(?!\d)/.test(json)).toBe(false);
  });

  it('moves a phone written into the name field to the phone field', () => {
    const issue = buildIssue(
      { title: 't', reporterName: '王女士（13812345678）', updates: [], attachments: [] },
      { now: new Date() },
      0,
    );
    expect(issue.reporter).toEqual({ name: '王女士', phone: '138****5678' });
  });

  it('always has a title', () => {
    expect(buildIssue({ updates: [], attachments: [] }, { now: new Date(), pageTitle: '工单详情' }, 0).title).toBe(
      '工单详情',
    );
    expect(
      buildIssue({ description: '第一行\n第二行', updates: [], attachments: [] }, { now: new Date() }, 0).title,
    ).toBe('第一行');
  });
});

describe('stableHash', () => {
  it('is deterministic, 16 hex digits, and differs for different input', () => {
    expect(stableHash('abc')).toBe(stableHash('abc'));
    expect(stableHash('abc')).toMatch(/^[0-9a-f]{16}$/);
    expect(stableHash('abc')).not.toBe(stableHash('abd'));
  });
});
