import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subscribe } from '../support/sse';
import { pollBody, TestServer, until } from './harness';

interface Shared {
  consultation: string;
  data: { participation: { ballots: number } };
}

/** The shared stream (test/support/sse.ts reads it), each event naming its consultation. */
function listen(url: string, lastEventId?: string) {
  const sub = subscribe(url, lastEventId);
  const shared = (type: string) => sub.of(type) as Shared[];
  return {
    events: sub.events,
    get status() {
      return sub.status;
    },
    of: (type: string, slug: string) =>
      shared(type)
        .filter((e) => e.consultation === slug)
        .map((e) => e.data),
    subjects: () => sub.events.map((e) => (JSON.parse(e.data!) as Shared).consultation),
    close: sub.close,
  };
}

describe('GET /api/v1/events: several consultations on one stream', () => {
  const t = new TestServer({ rateLimits: { openBallot: { burst: 1000, perMinute: 1000 } } });
  const url = (query: string) => `${t.url}/api/v1/events?${query}`;

  beforeAll(async () => {
    await t.start();
    await t.staff('POST', '/consultations', { body: { ...pollBody('poll-a'), community: 'heping' } });
    await t.staff('POST', '/consultations', { body: { ...pollBody('poll-b'), community: 'heping' } });
    await t.staff('POST', '/consultations', { body: { ...pollBody('poll-c'), community: 'other' } });
  });
  afterAll(() => t.dispose());

  it('sends each subject its snapshot and each live event naming its consultation', async () => {
    const sub = listen(url('consultations=poll-a,poll-b'));
    await until(() => sub.of('tally', 'poll-a').length === 1 && sub.of('tally', 'poll-b').length === 1);
    expect(sub.status).toBe(200);
    await t.call('POST', '/consultations/poll-b/ballots', { body: { choices: ['a'], voterKey: 'many-voter-01' } });
    await until(() => sub.of('tally', 'poll-b').length === 2);
    expect(sub.of('tally', 'poll-b')[1]!.participation.ballots).toBe(1);
    expect(sub.of('tally', 'poll-a')).toHaveLength(1);
    await sub.close();
    await until(() => t.linli.hub.subscriberCount === 0);
  });

  it('takes a community as every consultation of that 小区', async () => {
    const sub = listen(url('communities=heping'));
    await until(() => sub.of('phase', 'poll-a').length === 1 && sub.of('phase', 'poll-b').length === 1);
    expect(sub.subjects()).not.toContain('poll-c');
    await sub.close();
  });

  it('resumes each consultation from Last-Event-ID without new snapshots, missing nothing', async () => {
    const sub = listen(url('consultations=poll-a,poll-b'));
    await until(() => sub.of('tally', 'poll-a').length === 1 && sub.of('tally', 'poll-b').length === 1);
    const keeper = listen(url('consultations=poll-a'));
    await until(() => keeper.of('tally', 'poll-a').length === 1);
    const lastId = sub.events.at(-1)!.id;
    await sub.close();
    await t.call('POST', '/consultations/poll-a/ballots', { body: { choices: ['b'], voterKey: 'many-voter-02' } });
    await until(() => keeper.of('tally', 'poll-a').length === 2);

    const resumed = listen(url('consultations=poll-a,poll-b'), lastId);
    await until(() => resumed.of('tally', 'poll-a').length === 1);
    expect(resumed.of('tally', 'poll-a')[0]!.participation.ballots).toBe(1);
    expect(resumed.of('phase', 'poll-a')).toHaveLength(0);
    // poll-b had no listener meanwhile, so its channel was dropped and it cannot tell what was missed: a snapshot.
    await until(() => resumed.of('tally', 'poll-b').length === 1);
    await resumed.close();
    await keeper.close();
  });

  it('refuses an unknown consultation with a JSON 404 and an empty subject list with a 400 naming the field', async () => {
    const unknown = await fetch(url('consultations=poll-a,nope'));
    expect(unknown.status).toBe(404);
    const none = await fetch(url(''));
    expect(none.status).toBe(400);
    expect((await none.json()).error.issues[0].path).toBe('consultations');
    const bad = await fetch(url('consultations=Not_A_Slug'));
    expect(bad.status).toBe(400);
  });
});
