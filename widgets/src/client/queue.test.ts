import { describe, expect, it } from 'vitest';
import { LinliError } from './http';
import { BallotQueue, type KeyValueStore, QUEUE_KEY, type QueuedBallot, type QueueEvent } from './queue';

const memory = (): KeyValueStore & { data: Map<string, string> } => {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
};
const offline = () => new LinliError('network', 'unreachable', '无法连接服务器', 'Cannot reach the server');
const item = (key: string) => ({
  key,
  server: 'https://linli.example.org',
  consultation: 'elevator-3',
  body: { choices: ['yes'], code: 'ABCD-2345' },
});

describe('ballots cast during an outage', () => {
  it('wait in storage and are sent once, with their Idempotency-Key, when the server answers again', async () => {
    const store = memory();
    let up = false;
    const sent: string[] = [];
    const queue = new BallotQueue(store, async (q) => {
      if (!up) throw offline();
      sent.push(q.key);
      return { receiptId: `r-${q.key}` };
    });
    const events: QueueEvent['type'][] = [];
    queue.on((e) => events.push(e.type));
    queue.enqueue(item('k1'));
    await queue.flush();
    expect(sent).toEqual([]);
    expect(queue.list().map((q) => [q.key, q.attempts])).toEqual([['k1', 1]]);
    up = true;
    await Promise.all([queue.flush(), queue.flush()]);
    await queue.flush();
    expect(sent).toEqual(['k1']);
    expect(queue.list()).toEqual([]);
    expect(events).toEqual(['queued', 'sending', 'waiting', 'sending', 'sent']);
  });

  it('survive a reload: another queue on the same storage sends them', async () => {
    const store = memory();
    new BallotQueue(store, async () => {
      throw offline();
    }).enqueue(item('k2'));
    expect(JSON.parse(store.data.get(QUEUE_KEY)!)).toHaveLength(1);
    const sent: QueuedBallot[] = [];
    await new BallotQueue(store, async (q) => sent.push(q)).flush();
    expect(sent.map((q) => [q.key, q.body.code])).toEqual([['k2', 'ABCD-2345']]);
  });

  it('drop a ballot the server refuses for good and say why, instead of retrying it for ever', async () => {
    const store = memory();
    const used = new LinliError('client', 'conflict', '已经投过票', 'already voted', 409, { code: 'used' });
    const queue = new BallotQueue(store, async () => {
      throw used;
    });
    const failures: string[] = [];
    queue.on((e) => {
      if (e.type === 'failed') failures.push(e.error.code);
    });
    queue.enqueue(item('k3'));
    await queue.flush();
    expect(failures).toEqual(['conflict']);
    expect(queue.list()).toEqual([]);
  });

  it('keep one entry per key when the same ballot is queued twice', () => {
    const queue = new BallotQueue(memory(), async () => ({}));
    queue.enqueue(item('k4'));
    queue.enqueue(item('k4'));
    expect(queue.list()).toHaveLength(1);
    expect(queue.pending('https://linli.example.org', 'elevator-3')?.key).toBe('k4');
  });
});
