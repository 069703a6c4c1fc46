import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer } from './harness';

const clipped = (id: string, title: string, extra: object = {}) => ({
  id,
  title,
  description: '地下室走廊顶上的供水管接头一直在滴水',
  reporter: { name: '周阿姨', phone: '135****6470' },
  source: {
    url: 'https://wy.example.gov.cn/repair/1',
    caseNumber: 'BX20260611-0093',
    capturedAt: '2026-06-11T09:00:00+08:00',
  },
  reportedAt: '2026-06-11T08:26:00+08:00',
  createdAt: '2026-06-11T09:00:00+08:00',
  updatedAt: '2026-06-11T09:00:00+08:00',
  ...extra,
});

describe('staff publishing clipped issues (POST/GET /api/v1/issues)', () => {
  const t = new TestServer();
  beforeAll(() => t.start());
  afterAll(() => t.dispose());

  it('stores the issues sent and answers them with server ids, in the order sent', async () => {
    const r = await t.staff('POST', '/issues', {
      body: {
        issues: [
          clipped('ext-a', '5号楼地下室水管漏水'),
          clipped('ext-b', '路灯不亮', { source: { capturedAt: '2026-06-11T09:00:00+08:00' } }),
        ],
      },
      headers: { 'idempotency-key': 'pub-1' },
    });
    expect(r.status).toBe(201);
    expect(r.body.issues.map((i: { title: string }) => i.title)).toEqual(['5号楼地下室水管漏水', '路灯不亮']);
    expect(r.body.issues[0].id).not.toBe('ext-a');
    const list = await t.staff('GET', '/issues');
    expect(list.status).toBe(200);
    expect(list.body.issues.map((i: { id: string }) => i.id).sort()).toEqual(
      r.body.issues.map((i: { id: string }) => i.id).sort(),
    );
  });

  it('the same Idempotency-Key again stores nothing more and answers the first result', async () => {
    const body = { issues: [clipped('ext-c', '噪声扰民')] };
    const first = await t.staff('POST', '/issues', { body, headers: { 'idempotency-key': 'pub-2' } });
    const again = await t.staff('POST', '/issues', { body, headers: { 'idempotency-key': 'pub-2' } });
    expect(again.status).toBe(200);
    expect(again.body.issues[0].id).toBe(first.body.issues[0].id);
    const titles = (await t.staff('GET', '/issues')).body.issues.map((i: { title: string }) => i.title);
    expect(titles.filter((x: string) => x === '噪声扰民')).toHaveLength(1);
  });

  it('publishing the same clipped issue again updates it under the same server id', async () => {
    const first = await t.staff('POST', '/issues', { body: clipped('ext-d', '井盖缺失') });
    const again = await t.staff('POST', '/issues', { body: clipped('ext-d', '井盖缺失', { status: 'resolved' }) });
    expect(again.status).toBe(201);
    expect(again.body.issues[0]).toMatchObject({ id: first.body.issues[0].id, status: 'resolved' });
  });

  it('refuses without a staff token, and names the field of a bad issue (an unmasked phone)', async () => {
    expect((await t.call('GET', '/issues')).status).toBe(401);
    expect((await t.call('POST', '/issues', { body: clipped('x', 'y') })).status).toBe(401);
    const bad = await t.staff('POST', '/issues', {
      body: { issues: [clipped('ext-e', '电话', { reporter: { phone: '13512346470' } })] },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error)).toContain('phone');
  });
});
