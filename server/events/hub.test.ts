import { describe, expect, it } from 'vitest';
import { type Clock, EventHub, type Sink } from './hub';

/** A clock that only moves when the test says so. */
function manualClock() {
  let now = 0;
  let nextId = 0;
  const timers = new Map<number, { at: number; fn: () => void; every?: number }>();
  const clock: Clock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      timers.set(++nextId, { at: now + ms, fn });
      return nextId;
    },
    clearTimeout: (h) => void timers.delete(h as number),
    setInterval: (fn, ms) => {
      timers.set(++nextId, { at: now + ms, fn, every: ms });
      return nextId;
    },
    clearInterval: (h) => void timers.delete(h as number),
  };
  const advance = async (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      const [id, timer] = due;
      now = timer.at;
      if (timer.every) timer.at += timer.every;
      else timers.delete(id);
      timer.fn();
      await new Promise((r) => setImmediate(r));
    }
    now = end;
  };
  return { clock, advance, timerCount: () => timers.size };
}

function recorder(): Sink & {
  text: () => string;
  events: () => Array<{ id?: string; event?: string; data?: string }>;
} {
  const decoder = new TextDecoder();
  let out = '';
  return {
    send(bytes) {
      out += decoder.decode(bytes);
      return true;
    },
    close() {},
    text: () => out,
    events: () =>
      out
        .split('\n\n')
        .filter((block) => block.includes('event:'))
        .map((block) =>
          Object.fromEntries(block.split('\n').map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)])),
        ),
  };
}

describe('EventHub', () => {
  it('sends the first event at once and coalesces a burst to the latest value per type', async () => {
    const { clock, advance } = manualClock();
    const hub = new EventHub({ clock, epoch: 'e1' });
    const sink = recorder();
    hub.subscribe('elevator-3', sink).ready();
    hub.publish('elevator-3', 'tally', { ballots: 1 });
    await advance(0);
    for (let i = 2; i <= 50; i++) hub.publish('elevator-3', 'tally', { ballots: i });
    hub.publish('elevator-3', 'progress', { progress: 10 });
    await advance(999);
    expect(sink.events().map((e) => e.data)).toEqual(['{"ballots":1}']);
    await advance(1);
    const events = sink.events();
    expect(events.map((e) => [e.event, e.data])).toEqual([
      ['tally', '{"ballots":1}'],
      ['tally', '{"ballots":50}'],
      ['progress', '{"progress":10}'],
    ]);
    expect(events.every((e) => /^e1-\d+$/.test(e.id ?? ''))).toBe(true);
    hub.close();
  });

  it('batches items published within one window into one event listing them all', async () => {
    const { clock, advance } = manualClock();
    const hub = new EventHub({ clock });
    const sink = recorder();
    hub.subscribe('wishes', sink).ready();
    hub.publish('wishes', 'tally', { n: 0 });
    await advance(0);
    for (let i = 1; i <= 6; i++) hub.publishItem('wishes', 'proposal', 'proposals', `p${i}`, { id: `p${i}`, v: 1 });
    hub.publishItem('wishes', 'proposal', 'proposals', 'p3', { id: 'p3', v: 2 });
    hub.publish('wishes', 'tally', { n: 1 });
    hub.publish('wishes', 'tally', { n: 2 });
    await advance(1000);
    const events = sink.events();
    expect(events.map((e) => e.event)).toEqual(['tally', 'proposal', 'tally']);
    const { proposals } = JSON.parse(events[1]!.data!) as { proposals: Array<{ id: string; v: number }> };
    expect(proposals.map((p) => p.id).sort()).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6']);
    expect(proposals.find((p) => p.id === 'p3')?.v).toBe(2);
    expect(events[2]!.data).toBe('{"n":2}');
    // The next window starts a fresh batch.
    hub.publishItem('wishes', 'proposal', 'proposals', 'p7', { id: 'p7' });
    await advance(1000);
    expect(JSON.parse(sink.events().at(-1)!.data!)).toEqual({ proposals: [{ id: 'p7' }] });
    hub.close();
  });

  it('reads lazy data once per coalesced event', async () => {
    const { clock, advance } = manualClock();
    const hub = new EventHub({ clock });
    hub.subscribe('a', recorder()).ready();
    let reads = 0;
    const read = async () => ({ reads: ++reads });
    for (let i = 0; i < 100; i++) hub.publish('a', 'tally', read);
    await advance(5000);
    expect(reads).toBe(1);
    hub.close();
  });

  it('replays missed events after Last-Event-ID, and asks for a snapshot when the id is unknown', async () => {
    const { clock, advance } = manualClock();
    const hub = new EventHub({ clock, epoch: 'ep' });
    const first = recorder();
    const sub = hub.subscribe('a', first);
    sub.ready();
    hub.publish('a', 'phase', { phase: 'voting' });
    await advance(1000);
    const seen = first.events().at(-1)!.id!;
    hub.publish('a', 'tally', { n: 1 });
    await advance(1000);
    hub.publish('a', 'tally', { n: 2 });
    await advance(1000);
    const resumed = recorder();
    const again = hub.subscribe('a', resumed, seen);
    expect(again.resumed).toBe(true);
    expect(resumed.events().map((e) => e.data)).toEqual(['{"n":1}', '{"n":2}']);
    expect(hub.subscribe('a', recorder(), 'other-3').resumed).toBe(false);
    expect(hub.subscribe('a', recorder(), 'ep-999').resumed).toBe(false);
    hub.close();
  });

  it('holds live events until the snapshot is written', async () => {
    const { clock, advance } = manualClock();
    const hub = new EventHub({ clock });
    const sink = recorder();
    const sub = hub.subscribe('a', sink);
    hub.publish('a', 'tally', { live: true });
    await advance(0);
    expect(sink.events()).toEqual([]);
    sink.send(new TextEncoder().encode('event: snapshot\ndata: {}\n\n'));
    sub.ready();
    expect(sink.events().map((e) => e.event)).toEqual(['snapshot', 'tally']);
    hub.close();
  });

  it('sends heartbeats from one hub timer, drops slow clients and forgets idle channels', async () => {
    const { clock, advance, timerCount } = manualClock();
    const hub = new EventHub({ clock, heartbeatMs: 15_000 });
    const sinks = Array.from({ length: 100 }, () => recorder());
    const subs = sinks.map((s, i) => hub.subscribe(`c${i % 10}`, s));
    for (const s of subs) s.ready();
    expect(timerCount()).toBe(1);
    await advance(15_000);
    expect(sinks.every((s) => s.text().includes(': heartbeat'))).toBe(true);
    let closed = false;
    const slow: Sink = {
      send: () => false,
      close: () => {
        closed = true;
      },
    };
    hub.subscribe('c0', slow).ready();
    hub.publish('c0', 'tally', {});
    await advance(0);
    expect(closed).toBe(true);
    for (const s of subs) s.unsubscribe();
    expect(hub.subscriberCount).toBe(0);
    hub.close();
  });
});
