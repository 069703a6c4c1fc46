import { describe, expect, it } from 'vitest';
import { type EventSourceLike, SharedStream } from './stream';

/** A fake EventSource that records what it was opened with and lets the test push events. */
class FakeSource implements EventSourceLike {
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  private readonly listeners = new Map<string, Array<(e: MessageEvent) => void>>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (e: MessageEvent) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  emit(type: string, data: unknown, id = '') {
    const event = { data: JSON.stringify(data), lastEventId: id } as MessageEvent;
    for (const l of this.listeners.get(type) ?? []) l(event);
  }
}

function setup() {
  const sources: FakeSource[] = [];
  const tasks: Array<() => void> = [];
  const stream = new SharedStream(
    'https://linli.example.org/',
    (url) => {
      const s = new FakeSource(url);
      sources.push(s);
      return s;
    },
    (fn) => tasks.push(fn),
  );
  const runTasks = () => {
    for (const t of tasks.splice(0)) t();
  };
  return { stream, sources, runTasks };
}

describe('one event stream per server, shared by every widget on the page', () => {
  it('gathers the subscriptions of one task into one connection naming every consultation', () => {
    const { stream, sources, runTasks } = setup();
    stream.subscribe('elevator-3', () => {});
    stream.subscribe('wishes', () => {});
    stream.subscribe('elevator-3', () => {});
    runTasks();
    expect(sources).toHaveLength(1);
    expect(sources[0]!.url).toBe('https://linli.example.org/api/v1/events?consultations=elevator-3%2Cwishes');
  });

  it('hands each event only to the widgets of its consultation', () => {
    const { stream, sources, runTasks } = setup();
    const seen: string[] = [];
    stream.subscribe('elevator-3', (type, data) => seen.push(`vote:${type}:${JSON.stringify(data)}`));
    stream.subscribe('wishes', (type) => seen.push(`wishes:${type}`));
    runTasks();
    sources[0]!.emit('tally', { consultation: 'elevator-3', data: { ballots: 3 } }, 'e-1');
    sources[0]!.emit('proposal', { consultation: 'wishes', data: { proposals: [] } }, 'e-2');
    expect(seen).toEqual(['vote:tally:{"ballots":3}', 'wishes:proposal']);
  });

  it('reopens with the resume id when a widget for another consultation arrives, and closes when the last leaves', () => {
    const { stream, sources, runTasks } = setup();
    const off = stream.subscribe('elevator-3', () => {});
    runTasks();
    sources[0]!.emit('tally', { consultation: 'elevator-3', data: {} }, 'abc-7');
    const off2 = stream.subscribe('garbage-room', () => {});
    runTasks();
    expect(sources[0]!.closed).toBe(true);
    expect(sources[1]!.url).toContain('consultations=elevator-3%2Cgarbage-room&lastEventId=abc-7');
    off();
    off2();
    runTasks();
    expect(sources[1]!.closed).toBe(true);
    expect(stream.connections).toBe(0);
  });

  it('tells the page when the server answers again, so queued ballots can go', () => {
    const { stream, sources, runTasks } = setup();
    let opened = 0;
    stream.onOpen(() => opened++);
    stream.subscribe('parking-2026', () => {});
    runTasks();
    sources[0]!.onopen?.(new Event('open'));
    expect(opened).toBe(1);
  });
});
