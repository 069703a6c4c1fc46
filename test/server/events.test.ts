import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subscribe } from '../support/sse';
import { pollBody, TestServer, until } from './harness';

describe('live events (SSE) over real HTTP', () => {
  const t = new TestServer({ rateLimits: { openBallot: { burst: 1000, perMinute: 1000 } } });
  const url = () => `${t.url}/api/v1/consultations/poll/events`;

  beforeAll(async () => {
    await t.start();
    await t.staff('POST', '/consultations', { body: pollBody('poll') });
  });
  afterAll(() => t.dispose());

  it('sends a snapshot with ids, then a tally event when a ballot is cast', async () => {
    const sub = subscribe(url());
    await until(() => sub.of('tally').length === 1);
    expect(sub.status).toBe(200);
    expect(sub.contentType).toContain('text/event-stream');
    expect(sub.of('phase')[0]).toMatchObject({ phase: 'voting' });
    expect(sub.of('progress')).toHaveLength(1);
    expect(sub.of('tally')[0].participation.ballots).toBe(0);

    const ballot = await t.call('POST', '/consultations/poll/ballots', {
      body: { choices: ['a'], voterKey: 'browser-sse-01' },
    });
    expect(ballot.status).toBe(201);
    await until(() => sub.of('tally').length === 2);
    const tally = sub.of('tally')[1];
    expect(tally.participation.ballots).toBe(1);
    expect(tally.totals.a.count).toBe(1);
    expect(sub.events.every((e) => e.id && /^[a-z0-9]+-\d+$/.test(e.id))).toBe(true);
    await sub.close();
    await until(() => t.linli.hub.subscriberCount === 0);
  });

  it('coalesces a burst of ballots into at most one tally event per second', async () => {
    const sub = subscribe(url());
    await until(() => sub.of('tally').length === 1);
    const start = Date.now();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.call('POST', '/consultations/poll/ballots', { body: { choices: ['b'], voterKey: `browser-burst-${i}0` } }),
      ),
    );
    await until(() => sub.of('tally').at(-1)?.participation.ballots === 21, 5000);
    const elapsed = Date.now() - start;
    // One event at once, then at most one more per elapsed second.
    expect(sub.of('tally').length - 1).toBeLessThanOrEqual(2 + Math.floor(elapsed / 1000));
    await sub.close();
  });

  it('resumes from Last-Event-ID without a new snapshot, and sends phase and progress events', async () => {
    const keeper = subscribe(url());
    const sub = subscribe(url());
    await until(() => sub.of('tally').length === 1 && keeper.of('tally').length === 1);
    const lastId = sub.events.at(-1)!.id!;
    await sub.close();

    await t.call('POST', '/consultations/poll/ballots', { body: { choices: ['a'], voterKey: 'browser-resume-1' } });
    await until(() => keeper.of('tally').at(-1)?.participation.ballots === 22, 5000);

    const resumed = subscribe(url(), lastId);
    await until(() => resumed.of('tally').length >= 1);
    expect(resumed.of('phase')).toHaveLength(0);
    expect(resumed.of('tally').at(-1).participation.ballots).toBe(22);
    await resumed.close();

    const fresh = subscribe(url(), 'stale-123');
    await until(() => fresh.of('phase').length === 1);
    await fresh.close();

    const m = await t.staff('POST', '/consultations/poll/milestones', { body: { title: '统计结果' } });
    expect(m.status).toBe(201);
    await until(() => keeper.of('progress').length === 2);
    await t.staff('POST', '/consultations/poll/phase', { body: { phase: 'implementing' } });
    await until(() => keeper.of('phase').some((p) => p.phase === 'implementing'));
    await keeper.close();
  });

  it('batches wishes posted at once into one proposal event listing them all', async () => {
    await t.staff('POST', '/consultations', {
      body: { slug: 'wishes', title: '微心愿', community: 'heping', phase: 'collecting', autoPublish: true },
    });
    const sub = subscribe(`${t.url}/api/v1/consultations/wishes/events`);
    await until(() => sub.of('progress').length === 1);
    // A first wish opens the window (the first event after a quiet second goes out at once).
    await t.call('POST', '/consultations/wishes/proposals', { body: { title: '修楼道灯', authorName: '王阿姨' } });
    await until(() => sub.of('proposal').length === 1);
    expect(sub.of('proposal')[0].proposals.map((p: { title: string }) => p.title)).toEqual(['修楼道灯']);

    const start = Date.now();
    const posted = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        t.call('POST', '/consultations/wishes/proposals', { body: { title: `心愿 ${i + 1}`, authorName: `居民${i}` } }),
      ),
    );
    const postedIn = Date.now() - start;
    expect(posted.map((r) => r.status)).toEqual(Array(6).fill(201));
    const seen = () =>
      sub
        .of('proposal')
        .slice(1)
        .flatMap((e) => e.proposals as Array<{ id: string }>);
    await until(() => seen().length === 6, 5000);
    const frames = sub.of('proposal').length - 1;
    // Six wishes within one second are one frame; a slow machine may split them over one more window.
    expect(frames).toBeLessThanOrEqual(1 + Math.floor((Date.now() - start) / 1000));
    if (postedIn < 500) expect(frames).toBe(1);
    expect(new Set(seen().map((p) => p.id))).toEqual(new Set(posted.map((r) => r.body.id)));
    await sub.close();
  });
});
