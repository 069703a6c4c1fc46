import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type LinliApp } from '../app';
import { loadConfig } from '../config';
import { DomainError, type DomainEventListener, type LinliService } from '../domain/service';
import { type Listening, listen } from '../http/listen';
import { silentLogger } from '../http/log';

const SUBSCRIBERS = 2000;

/** Just enough of the service for the event stream: the point here is the fan-out, not the domain. */
function stubService() {
  const listeners = new Set<DomainEventListener>();
  let ballots = 0;
  const service = {
    events: {
      subscribe: (l: DomainEventListener) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
    },
    getConsultation: async (slug: string) => {
      if (slug !== 'elevator-3') throw new DomainError('not_found', `no consultation "${slug}"`);
      return { slug, phase: 'voting', progress: 0, milestones: [], ballot: { method: 'yesno' } };
    },
    getTally: async (slug: string) => ({
      hidden: true,
      binding: true,
      slug,
      phase: 'voting',
      participation: { ballots },
    }),
    authenticate: async () => null,
  } as unknown as LinliService;
  const vote = () => {
    ballots += 1;
    for (const l of listeners) l({ type: 'tally', slug: 'elevator-3', data: { ballots } });
  };
  return { service, vote };
}

function openStream(port: number): Promise<{ socket: Socket; received: () => string }> {
  return new Promise((resolve, reject) => {
    let text = '';
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(
        'GET /api/v1/consultations/elevator-3/events HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n',
      );
    });
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      const first = text === '';
      text += chunk;
      if (first) resolve({ socket, received: () => text });
    });
    socket.on('error', reject);
  });
}

describe(`SSE fan-out to ${SUBSCRIBERS} subscribers over real sockets`, () => {
  let linli: LinliApp;
  let server: Listening;
  const { service, vote } = stubService();

  beforeAll(async () => {
    const config = loadConfig({
      port: 0,
      logLevel: 'silent',
      rateLimits: { read: { burst: 100_000, perMinute: 100_000 } },
      // One test client opens every stream from one address: lift the per-address cap (stream-cap tests cover it).
      eventStreamsPerAddress: 100_000,
    });
    linli = createApp({ service, config, logger: silentLogger });
    server = await listen(linli.app, 0, '127.0.0.1');
  });

  afterAll(async () => {
    linli.close();
    await server.close();
  });

  it('delivers one tally event to every subscriber and cleans up on disconnect', async () => {
    const streams: Array<Awaited<ReturnType<typeof openStream>>> = [];
    for (let i = 0; i < SUBSCRIBERS; i += 200) {
      streams.push(...(await Promise.all(Array.from({ length: 200 }, () => openStream(server.port)))));
    }
    // Every snapshot holds participation 0; wait until all are written before the live event.
    const until = async (check: () => boolean, ms = 20_000) => {
      const end = Date.now() + ms;
      while (!check()) {
        if (Date.now() > end) throw new Error('timed out');
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    await until(() => streams.every((s) => s.received().includes('"ballots":0')));
    expect(linli.hub.subscriberCount).toBe(SUBSCRIBERS);

    vote();
    await until(() => streams.every((s) => s.received().includes('"ballots":1')));
    for (const s of streams) {
      const events = s.received().match(/event: tally\ndata: .*"ballots":1.*\n/g) ?? [];
      expect(events).toHaveLength(1);
      expect(s.received()).toMatch(/id: [a-z0-9]+-\d+\nevent: tally\ndata: .*"ballots":1/);
    }

    for (const s of streams) s.socket.destroy();
    await until(() => linli.hub.subscriberCount === 0);
  });
});
