import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollBody, TestServer, until } from './harness';

/** Sends the headers of a POST, then its body one byte at a time; resolves with what the server answered. */
function trickle(url: string, path: string, everyMs: number): Promise<{ answer: string; afterMs: number }> {
  const { hostname, port } = new URL(url);
  const body = JSON.stringify({ choices: ['a'], voterKey: 'slow-browser-001' });
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(Number(port), hostname);
    let answer = '';
    let sent = 0;
    const timer = setInterval(() => {
      if (sent < body.length && !socket.destroyed) socket.write(body[sent++]!);
    }, everyMs);
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ answer, afterMs: Date.now() - started });
    });
    socket.write(
      `POST ${path} HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
  });
}

describe('slow clients', () => {
  const t = new TestServer({ timeouts: { requestMs: 1500, headersMs: 1000 }, eventStreamsPerAddress: 3 });
  beforeAll(async () => {
    await t.start();
    await t.staff('POST', '/consultations', { body: pollBody('parking') });
  });
  afterAll(() => t.dispose());

  it('cuts a body trickled slower than the request timeout with 408, and counts no ballot', async () => {
    // 45 bytes at one per 200 ms would take 9 s: the configured 1.5 s deadline ends it.
    const { answer, afterMs } = await trickle(t.url, '/api/v1/consultations/parking/ballots', 200);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(afterMs).toBeLessThan(5000);
    expect((await t.call('GET', '/consultations/parking')).body.ballots).toBe(0);
  });

  it('counts a ballot whose body comes in a later packet than its headers, and one split in two', async () => {
    const { hostname, port } = new URL(t.url);
    const post = (key: string, parts: number) =>
      new Promise<string>((resolve, reject) => {
        const body = JSON.stringify({ choices: ['a'], voterKey: key });
        const socket = connect(Number(port), hostname);
        let answer = '';
        socket.setEncoding('utf8');
        socket.on('data', (chunk: string) => {
          answer += chunk;
          if (answer.includes('\r\n\r\n')) socket.end();
        });
        socket.on('error', reject);
        socket.on('close', () => resolve(answer));
        socket.write(
          `POST /api/v1/consultations/parking/ballots HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
        );
        const half = parts === 1 ? body.length : 10;
        setTimeout(() => socket.write(body.slice(0, half)), 30);
        if (parts > 1) setTimeout(() => socket.write(body.slice(half)), 60);
      });
    const before = (await t.call('GET', '/consultations/parking')).body.ballots as number;
    expect(await post('late-body-browser-1', 1)).toMatch(/^HTTP\/1\.1 201 /);
    expect(await post('late-body-browser-2', 2)).toMatch(/^HTTP\/1\.1 201 /);
    expect((await t.call('GET', '/consultations/parking')).body.ballots).toBe(before + 2);
  });

  it('cuts a client that never finishes its headers', async () => {
    const { hostname, port } = new URL(t.url);
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(Number(port), hostname);
      let text = '';
      socket.setEncoding('utf8');
      socket.on('data', (s: string) => (text += s));
      socket.on('close', () => resolve(text));
      socket.on('error', () => resolve(text));
      socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n');
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('caps open event streams per address with 429, and frees a slot when a stream closes', async () => {
    const streams = [new AbortController(), new AbortController(), new AbortController()];
    const opened = await Promise.all(
      streams.map((ctl) => fetch(`${t.url}/api/v1/consultations/parking/events`, { signal: ctl.signal })),
    );
    expect(opened.map((r) => r.status)).toEqual([200, 200, 200]);
    const fourth = await fetch(`${t.url}/api/v1/consultations/parking/events`);
    expect(fourth.status).toBe(429);
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await fourth.json()).error.code).toBe('rate_limited');
    streams[0]!.abort();
    let again: Response | undefined;
    await until(async () => {
      again = await fetch(`${t.url}/api/v1/consultations/parking/events`);
      if (again.status !== 200) await again.body?.cancel();
      return again.status === 200;
    }, 5000);
    await again!.body!.cancel();
    for (const ctl of streams.slice(1)) ctl.abort();
  });
});
