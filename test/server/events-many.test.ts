import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollBody, TestServer, until } from './harness';

interface SseEvent {
  id: string;
  event: string;
  data: { consultation: string; data: { participation: { ballots: number } } };
}

/** Reads an event stream over fetch, so the test sees raw ids and can resume with Last-Event-ID. */
function listen(url: string, lastEventId?: string) {
  const controller = new AbortController();
  const events: SseEvent[] = [];
  let status = 0;
  const done = (async () => {
    const res = await fetch(url, {
      headers: lastEventId ? { 'Last-Event-ID': lastEventId } : {},
      signal: controller.signal,
    });
    status = res.status;
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const field = (name: string) => new RegExp(`^${name}: ?(.*)$`, 'm').exec(block)?.[1];
        const event = field('event');
        if (event) events.push({ id: field('id')!, event, data: JSON.parse(field('data')!) });
      }
    }
  })().catch(() => {});
  return {
    events,
    get status() {
      return status;
    },
    of: (type: string, slug: string) =>
      events.filter((e) => e.event === type && e.data.consultation === slug).map((e) => e.data.data),
    close: async () => {
      controller.abort();
      await done;
    },
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
    expect(sub.events.some((e) => e.data.consultation === 'poll-c')).toBe(false);
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
