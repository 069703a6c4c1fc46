import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer } from './harness';

/** Open311 GeoReport v2 over real HTTP, on SQLite and PostgreSQL. */
describe('Open311 GeoReport v2 at /open311/v2', () => {
  const t = new TestServer();
  let created = '';

  async function open311(method: string, path: string, init: { form?: Record<string, string>; json?: unknown } = {}) {
    const headers: Record<string, string> = {};
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    } else if (init.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.json);
    }
    const res = await fetch(`${t.url}/open311/v2${path}`, { method, headers, body });
    const text = await res.text();
    // biome-ignore lint/suspicious/noExplicitAny: JSON answers
    return { status: res.status, body: JSON.parse(text) as any, text };
  }

  beforeAll(async () => {
    await t.start();
    await t.service.addDepartment('房管办');
    created = '';
  });
  afterAll(() => t.dispose());

  it('lists the service catalogue, grouped under an existing department', async () => {
    const res = await open311('GET', '/services.json');
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(10);
    expect(res.body[0]).toEqual({
      service_code: 'property',
      service_name: '物业管理',
      description: expect.stringContaining('Property'),
      metadata: false,
      type: 'realtime',
      keywords: expect.any(String),
      group: '房管办',
    });
    expect(res.body.map((s: { service_name: string }) => s.service_name)).toContain('加装电梯');
  });

  it('creates a request from a form with api_key, then reads it back by id and in the list as open', async () => {
    const res = await open311('POST', '/requests.json', {
      form: {
        api_key: t.token,
        service_code: 'noise',
        lat: '31.2201',
        long: '121.4245',
        address_string: '长宁路100弄',
        description: '工地夜间施工\n每天到凌晨两点',
        first_name: '明',
        last_name: '李',
        phone: '13812345678',
        email: 'li.ming@example.org',
        account_id: 'acct-7',
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual([{ service_request_id: expect.any(String), service_notice: null, account_id: 'acct-7' }]);
    created = res.body[0].service_request_id;

    const one = await open311('GET', `/requests/${created}.json`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual([
      expect.objectContaining({
        service_request_id: created,
        status: 'open',
        service_code: 'noise',
        service_name: '噪声扰民',
        description: '工地夜间施工\n每天到凌晨两点',
        address: '长宁路100弄',
        lat: 31.2201,
        long: 121.4245,
      }),
    ]);
    const list = await open311('GET', '/requests.json');
    expect(list.body.map((r: { service_request_id: string }) => r.service_request_id)).toContain(created);

    // Staff see it as a new Issue from the portal "open311", the phone already masked in the store.
    const staffList = await t.staff('GET', '/issues');
    const issue = staffList.body.issues.find((i: { id: string }) => i.id === created);
    expect(issue).toMatchObject({ status: 'new', source: { portal: 'open311' }, reporter: { phone: '138****5678' } });
  });

  it('accepts JSON too, and never answers with reporter data', async () => {
    const res = await open311('POST', '/requests.json', {
      json: { api_key: t.token, service_code: 'parking', address_string: '定西路口', phone: '021-64871325' },
    });
    expect(res.status).toBe(201);
    const all = await open311('GET', '/requests.json');
    const one = await open311('GET', `/requests/${res.body[0].service_request_id}.json`);
    for (const text of [all.text, one.text]) {
      expect(text).not.toMatch(/李|5678|1325|example\.org|phone|first_name|email/);
    }
    expect(one.body[0]).toMatchObject({ service_code: 'parking', status: 'open', description: '停车管理' });
  });

  it('refuses a missing or wrong api_key with 403 in the Open311 error format', async () => {
    for (const key of [undefined, 'not-a-real-staff-token-000']) {
      const form: Record<string, string> = { service_code: 'noise', address_string: '长宁路' };
      if (key) form.api_key = key;
      const res = await open311('POST', '/requests.json', { form });
      expect(res.status).toBe(403);
      expect(res.body).toEqual([{ code: 403, description: expect.stringContaining('api_key') }]);
    }
  });

  it('refuses bad input with 400 naming the field', async () => {
    const bad = await open311('POST', '/requests.json', {
      form: { api_key: t.token, service_code: 'noise', lat: 'north', long: '121.4' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual([{ code: 400, description: expect.stringMatching(/^lat: /) }]);
    const code = await open311('POST', '/requests.json', {
      form: { api_key: t.token, service_code: 'teleport', address_string: 'x' },
    });
    expect(code.status).toBe(400);
    expect(code.body[0].description).toMatch(/^service_code: /);
    const status = await open311('GET', '/requests.json?status=pending');
    expect(status.status).toBe(400);
    expect(status.body[0].description).toMatch(/^status/);
  });

  it('answers 404 in the Open311 format for an unknown id', async () => {
    const res = await open311('GET', '/requests/nope-123.json');
    expect(res.status).toBe(404);
    expect(res.body).toEqual([{ code: 404, description: expect.stringContaining('nope-123') }]);
  });

  it('answers refusals made outside its routes (unknown path, body limit) in the Open311 format', async () => {
    const route = await open311('GET', '/nothing.json');
    expect(route.body).toEqual([{ code: 404, description: expect.any(String) }]);
    const huge = await open311('POST', '/requests.json', {
      form: { api_key: t.token, service_code: 'noise', address_string: 'x', description: 'x'.repeat(2_000_000) },
    });
    expect(huge.status).toBe(413);
    expect(huge.body).toEqual([{ code: 413, description: expect.stringContaining('limit') }]);
    // A page elsewhere cannot make a visitor's browser file a request (the cross-site guard).
    const crossSite = await fetch(`${t.url}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://elsewhere.example' },
      body: new URLSearchParams({ api_key: t.token, service_code: 'noise', address_string: 'x' }).toString(),
    });
    expect(crossSite.status).toBe(403);
    expect(await crossSite.json()).toEqual([{ code: 403, description: expect.stringContaining('Origin') }]);
  });

  it('shows published issues, maps resolved to closed and filters by status, service_code and date', async () => {
    const now = new Date().toISOString();
    const publish = (id: string, status: string, category: string, reportedAt: string) =>
      t.staff('POST', '/issues', {
        body: {
          id,
          title: `${category}问题`,
          description: `${category}：居民反映`,
          category,
          reporter: { name: '王老伯', phone: '139****0000' },
          department: '房管办',
          source: { portal: '12345', capturedAt: now },
          reportedAt,
          status,
          createdAt: now,
          updatedAt: now,
        },
      });
    const fixed = await publish('clip-1', 'resolved', '物业管理', new Date(Date.now() - 86_400_000).toISOString());
    expect(fixed.status).toBe(201);
    const fixedId = fixed.body.issues[0].id;
    const old = await publish('clip-2', 'new', '绿化养护', '2025-01-15T09:00:00+08:00');
    const oldId = old.body.issues[0].id;

    const list = await open311('GET', '/requests.json');
    const mine = list.body.find((r: { service_request_id: string }) => r.service_request_id === fixedId);
    expect(mine).toMatchObject({ status: 'closed', service_code: 'property', agency_responsible: '房管办' });
    expect(list.text).not.toContain('王老伯');
    // Older than 90 days: only with dates.
    expect(list.body.map((r: { service_request_id: string }) => r.service_request_id)).not.toContain(oldId);
    const dated = await open311('GET', '/requests.json?start_date=2025-01-01T00:00:00Z&end_date=2025-02-01T00:00:00Z');
    expect(dated.body.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([oldId]);

    const closed = await open311('GET', '/requests.json?status=closed');
    expect(closed.body.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([fixedId]);
    const noise = await open311('GET', '/requests.json?service_code=noise');
    expect(noise.body.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([created]);
  });

  it('finds a request by id however many newer ones were published after it', async () => {
    const now = new Date().toISOString();
    const issue = (i: number) => ({
      id: `bulk-${i}`,
      title: `井盖松动 ${i}`,
      source: { portal: '12345', capturedAt: now },
      createdAt: now,
      updatedAt: now,
    });
    const first = await t.staff('POST', '/issues', { body: issue(0) });
    const firstId = first.body.issues[0].id;
    for (let batch = 0; batch < 3; batch++) {
      const issues = Array.from({ length: 400 }, (_, i) => issue(1 + batch * 400 + i));
      expect((await t.staff('POST', '/issues', { body: { issues } })).status).toBe(201);
    }
    const one = await open311('GET', `/requests/${firstId}.json`);
    expect(one.status).toBe(200);
    expect(one.body[0]).toMatchObject({ service_request_id: firstId, description: expect.any(String) });
    const byId = await open311('GET', `/requests.json?service_request_id=${firstId}`);
    expect(byId.body.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([firstId]);
  });

  it('publishes its own OpenAPI document', async () => {
    const res = await open311('GET', '/openapi.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/services.json', '/requests.json', '/requests/{id}.json']),
    );
  });
});
