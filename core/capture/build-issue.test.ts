import { describe, expect, it } from 'vitest';
import { Issue } from '../models/issue';
import { buildIssue, stableHash } from './build-issue';
import type { Draft } from './draft';

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

describe('buildIssue holds every field to the model by construction', () => {
  const ctx = { now: new Date('2026-06-02T00:00:00Z') };
  const same = (issue: Issue) => expect(JSON.stringify(Issue.parse(issue))).toBe(JSON.stringify(issue));

  it('bounds a field again when masking lengthens it', () => {
    // `057187654321` masks to `0571-8765****`: one unit longer, past the 500 a title may hold.
    const issue = buildIssue({ title: `${'甲'.repeat(488)}057187654321`, updates: [], attachments: [] }, ctx, 0);
    expect(issue.title.length).toBe(500);
    expect(issue.title).not.toContain('87654321');
    same(issue);
  });

  it('counts UTF-16 units and never cuts a surrogate pair', () => {
    const issue = buildIssue({ title: '𠀀'.repeat(400), updates: [], attachments: [] }, ctx, 0);
    expect(issue.title).toBe('𠀀'.repeat(250));
    same(issue);
  });

  it('leaves out what the model cannot hold instead of losing the case', () => {
    const issue = buildIssue(
      {
        title: '井盖破损',
        lat: 123,
        lng: 121.47,
        updates: [{ text: '  \n ' }, { text: ' 已派人处理 ', by: ' 街道 ' }],
        attachments: [
          { url: `https://x.example.gov.cn/${'a'.repeat(2100)}.jpg`, kind: 'image' },
          { url: 'https://x.example.gov.cn/1.jpg', kind: 'image' },
        ],
      },
      ctx,
      0,
    );
    expect(issue.location).toEqual({ lng: 121.47 });
    expect(issue.updates).toEqual([{ text: '已派人处理', by: '街道' }]);
    expect(issue.attachments).toEqual([{ url: 'https://x.example.gov.cn/1.jpg', kind: 'image' }]);
    same(issue);
  });

  it('names the id when an id factory makes a bad one', () => {
    const bad = { ...ctx, idFactory: () => 'a b' };
    expect(() => buildIssue({ title: 't', updates: [], attachments: [] }, bad, 0)).toThrow(/^id "a b": /);
  });
});

describe('stableHash', () => {
  it('is deterministic, 16 hex digits, and differs for different input', () => {
    expect(stableHash('abc')).toBe(stableHash('abc'));
    expect(stableHash('abc')).toMatch(/^[0-9a-f]{16}$/);
    expect(stableHash('abc')).not.toBe(stableHash('abd'));
  });
});
