import { describe, expect, it } from 'vitest';
import { Issue } from '../models/issue';
import { Open311CreateRequest, Open311ListQuery, Open311ServiceRequest } from './open311';
import {
  filterServiceRequests,
  issueFromOpen311,
  OPEN311_CATALOGUE,
  open311Services,
  toServiceRequest,
} from './open311-map';

const NOW = '2026-12-06T06:00:00Z';

function issue(over: Partial<Parameters<typeof Issue.parse>[0]> = {}) {
  return Issue.parse({
    id: 'i-1',
    title: '楼道灯不亮',
    description: '3号楼2单元楼道灯坏了一周',
    category: '物业管理',
    location: { address: '长宁路100弄3号', lat: 31.22, lng: 121.42 },
    reporter: { name: '张阿姨', phone: '138****5678', channel: '12345' },
    department: '房管办',
    source: { portal: '12345', capturedAt: NOW },
    reportedAt: '2026-12-01T08:00:00Z',
    status: 'in_progress',
    updates: [{ text: '已派单，物业明日维修', status: 'in_progress' }],
    createdAt: NOW,
    updatedAt: NOW,
    ...over,
  });
}

describe('Open311 catalogue', () => {
  it('lists the ten hotline categories, grouped under a department that fits', () => {
    const services = open311Services(['房管办', '城管中队']);
    expect(services.map((s) => s.service_name)).toEqual([
      '物业管理',
      '市容环境卫生',
      '绿化养护',
      '道路设施',
      '违法搭建',
      '噪声扰民',
      '停车管理',
      '加装电梯',
      '垃圾分类',
      '其他',
    ]);
    expect(services.find((s) => s.service_code === 'property')?.group).toBe('房管办');
    expect(services.find((s) => s.service_code === 'illegal-building')?.group).toBe('城管中队');
    expect(services.find((s) => s.service_code === 'parking')?.group).toBe('交通');
    expect(new Set(OPEN311_CATALOGUE.map((s) => s.code)).size).toBe(10);
  });
});

describe('Issue → ServiceRequest', () => {
  it('maps status and fields and carries no reporter data', () => {
    const r = toServiceRequest(issue());
    expect(Open311ServiceRequest.parse(r)).toEqual(r);
    expect(r).toMatchObject({
      service_request_id: 'i-1',
      status: 'open',
      service_code: 'property',
      service_name: '物业管理',
      agency_responsible: '房管办',
      status_notes: '已派单，物业明日维修',
      lat: 31.22,
      long: 121.42,
      requested_datetime: '2026-12-01T08:00:00Z',
    });
    const text = JSON.stringify(r);
    expect(text).not.toContain('张阿姨');
    expect(text).not.toContain('5678');
    expect(toServiceRequest(issue({ status: 'resolved' })).status).toBe('closed');
    expect(toServiceRequest(issue({ status: 'rejected' })).status).toBe('closed');
    expect(toServiceRequest(issue({ category: '不认识的分类' })).service_code).toBe('other');
  });
});

describe('POST form → Issue', () => {
  it('creates a new open311 issue with the phone masked and no e-mail kept', () => {
    const form = Open311CreateRequest.parse({
      api_key: 'k',
      service_code: 'noise',
      lat: '31.2',
      long: '121.4',
      description: '工地夜里施工\n每天到凌晨两点',
      phone: '13812345678',
      first_name: '明',
      last_name: '李',
      email: 'li@example.org',
    });
    const created = Issue.parse(issueFromOpen311(form, { id: 'n-1', now: NOW }));
    expect(created).toMatchObject({
      status: 'new',
      title: '工地夜里施工',
      category: '噪声扰民',
      location: { lat: 31.2, lng: 121.4 },
      reporter: { phone: '138****5678', name: '李明', channel: 'open311' },
      source: { portal: 'open311' },
    });
    expect(JSON.stringify(created)).not.toContain('example.org');
  });

  it('names the field that is wrong', () => {
    const bad = (input: Record<string, unknown>) =>
      Open311CreateRequest.safeParse({ api_key: 'k', service_code: 'noise', ...input }).error?.issues[0]?.path[0];
    expect(bad({ lat: 'north', long: '121' })).toBe('lat');
    expect(bad({ lat: '95', long: '121' })).toBe('lat');
    expect(bad({ lat: '31' })).toBe('long');
    expect(bad({})).toBe('lat');
    expect(bad({ address_string: '长宁路', media_url: 'javascript:alert(1)' })).toBe('media_url');
    expect(bad({ address_string: 'x', service_code: '' })).toBe('service_code');
    // A missing api_key is the route's 403 (no access), not a 400.
    expect(Open311CreateRequest.safeParse({ address_string: 'x', service_code: 'noise' }).success).toBe(true);
  });
});

describe('requests.json filters', () => {
  const now = new Date(NOW);
  const issues = [
    issue({ id: 'a', status: 'new', reportedAt: '2026-12-05T00:00:00Z' }),
    issue({ id: 'b', status: 'resolved', category: '噪声扰民', reportedAt: '2026-11-20T00:00:00Z' }),
    issue({ id: 'c', status: 'new', reportedAt: '2026-06-01T00:00:00Z' }),
  ];
  const ids = (q: Record<string, string>) =>
    filterServiceRequests(issues, Open311ListQuery.parse(q), now).map((i) => i.id);

  it('defaults to the last 90 days, newest first', () => {
    expect(ids({})).toEqual(['a', 'b']);
  });
  it('filters by status, service code, dates and ids', () => {
    expect(ids({ status: 'closed' })).toEqual(['b']);
    expect(ids({ service_code: 'property' })).toEqual(['a']);
    expect(ids({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-07-01T00:00:00Z' })).toEqual(['c']);
    expect(ids({ service_request_id: 'c,b' })).toEqual(['b', 'c']);
  });
});
