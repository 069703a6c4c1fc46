import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv, loadConfig } from '../../server/config';
import { electionBody, pollBody, TestServer } from './harness';

const DISTRICT = 'https://district.example.org';
const HEPING = 'https://heping.example.org';
const BUILDING = 'https://building3.example.org';

/** What a browser on `origin` is told, for a GET and for the preflight of a ballot POST. */
async function corsFor(t: TestServer, origin: string, slug: string) {
  const get = await t.call('GET', `/consultations/${slug}`, { headers: { origin } });
  const preflight = await fetch(`${t.url}/api/v1/consultations/${slug}/ballots`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
  });
  return {
    get: get.headers.get('access-control-allow-origin'),
    preflight: preflight.headers.get('access-control-allow-origin'),
  };
}

describe('CORS per site', () => {
  const t = new TestServer(
    loadConfig(
      configFromEnv({
        LINLI_SITES: JSON.stringify({
          district: [DISTRICT],
          heping: { origins: [HEPING], communities: ['heping'] },
          building3: { origins: [BUILDING], consultations: ['elevator-3'] },
        }),
      }),
    ),
  );

  beforeAll(async () => {
    await t.start();
    await t.staff('POST', '/consultations', { body: electionBody('elevator-3') });
    await t.staff('POST', '/consultations', { body: { ...pollBody('parking'), community: 'anhua' } });
  });
  afterAll(() => t.dispose());

  it('lets a site call only the consultations it is configured for', async () => {
    expect(await corsFor(t, BUILDING, 'elevator-3')).toEqual({ get: BUILDING, preflight: BUILDING });
    expect(await corsFor(t, BUILDING, 'parking')).toEqual({ get: null, preflight: null });
    // By community: heping's site reaches heping's consultations, not anhua's.
    expect(await corsFor(t, HEPING, 'elevator-3')).toEqual({ get: HEPING, preflight: HEPING });
    expect(await corsFor(t, HEPING, 'parking')).toEqual({ get: null, preflight: null });
    // The old form (a list of origins) still means every consultation.
    expect(await corsFor(t, DISTRICT, 'elevator-3')).toEqual({ get: DISTRICT, preflight: DISTRICT });
    expect(await corsFor(t, DISTRICT, 'parking')).toEqual({ get: DISTRICT, preflight: DISTRICT });
    expect(await corsFor(t, 'https://evil.example.com', 'elevator-3')).toEqual({ get: null, preflight: null });
  });

  it('refuses a limited site on an actual ballot POST, and on a community board that is not its own', async () => {
    const post = await t.call('POST', '/consultations/parking/ballots', {
      body: { choices: ['a'], voterKey: 'browser-cors-01' },
      headers: { origin: BUILDING },
    });
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
    const vary = post.headers.get('vary') ?? '';
    expect(vary.toLowerCase()).toContain('origin');
    const own = await t.call('GET', '/communities/heping/issues', { headers: { origin: HEPING } });
    expect(own.headers.get('access-control-allow-origin')).toBe(HEPING);
    const other = await t.call('GET', '/communities/anhua/issues', { headers: { origin: HEPING } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('names a bad site setting', () => {
    expect(() => loadConfig({ sites: { x: { origins: [HEPING], consultation: ['a'] } } as never })).toThrow(/sites\.x/);
    expect(() => loadConfig({ sites: { x: { origins: [HEPING], consultations: ['Not A Slug'] } } })).toThrow(
      /sites\.x\.consultations\[0\]/,
    );
  });
});

describe('CORS per site in demo mode', () => {
  const t = new TestServer({
    demo: true,
    sites: { building3: { origins: [BUILDING], consultations: ['elevator-3'] } },
  });
  beforeAll(async () => {
    await t.start();
    await t.staff('POST', '/consultations', { body: pollBody('parking') });
  });
  afterAll(() => t.dispose());

  it('still allows any local origin for every consultation', async () => {
    expect(await corsFor(t, 'http://localhost:5173', 'parking')).toEqual({
      get: 'http://localhost:5173',
      preflight: 'http://localhost:5173',
    });
    expect(await corsFor(t, BUILDING, 'parking')).toEqual({ get: null, preflight: null });
  });
});
