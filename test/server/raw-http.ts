// HTTP/1.1 spoken by hand over a socket, for tests that must send exactly the bytes they mean (a chunked body, a
// body after its headers, no Content-Type at all) and read every header of the answer as the server wrote it.
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * One request on a socket of its own, written as given (`parts` apart by a pause, as a slow phone sends a body after
 * its headers), and the whole answer read until the server closes (`Connection: close`).
 */
export function exchange(port: number, parts: string[]): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const raw = Buffer.concat(chunks).toString('latin1');
      const end = raw.indexOf('\r\n\r\n');
      const [statusLine, ...lines] = raw.slice(0, end).split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
      }
      let body = raw.slice(end + 4);
      if (headers['transfer-encoding'] === 'chunked') body = unchunk(body);
      resolve({ status: Number(statusLine!.split(' ')[1]), headers, body: Buffer.from(body, 'latin1').toString() });
    });
    socket.once('connect', async () => {
      for (const [i, part] of parts.entries()) {
        if (i > 0) await sleep(60);
        socket.write(part);
      }
    });
  });
}

function unchunk(text: string): string {
  let out = '';
  for (let at = 0; ; ) {
    const line = text.indexOf('\r\n', at);
    const size = Number.parseInt(text.slice(at, line), 16);
    if (!size) return out;
    out += text.slice(line + 2, line + 2 + size);
    at = line + 2 + size + 2;
  }
}
