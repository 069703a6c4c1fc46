// A load generator in its own process, as phones are: `clients` keep-alive connections, each sending its next
// request as soon as the last answer is read. Reads {url, bodies, clients, headers?, expect?} as JSON on stdin,
// sends every body once (in order, shared among the connections), and prints {seconds, statuses, clientMs} as JSON.
// HTTP/1.1 written and read by hand over plain sockets: on a 2-core machine the client shares the server's cores, and
// node:http's agent, parser and IncomingMessage cost it about 0.2 ms per answer — as much CPU as the server's whole
// HTTP layer, so the client, not the server, set the rate. Each request is the bytes node:http sent (Host,
// Connection: keep-alive, Content-Type, Content-Length, Idempotency-Key and `headers`); each answer is read only as
// far as its status and Content-Length. The same client serves every row that compares a server with a baseline.
import net from 'node:net';

const CRLF_CRLF = Buffer.from('\r\n\r\n');

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (d) => (input += d));
process.stdin.on('end', async () => {
  const { url, bodies, clients, headers = {}, expect } = JSON.parse(input);
  const target = new URL(url);
  const port = Number(target.port || 80);
  const head =
    `POST ${target.pathname}${target.search} HTTP/1.1\r\nHost: ${target.host}\r\nConnection: keep-alive\r\n` +
    'Content-Type: application/json\r\n' +
    Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
  const statuses = {};
  let next = 0;
  const request = (i) => {
    const payload = Buffer.from(bodies[i]);
    return Buffer.concat([
      Buffer.from(`${head}Content-Length: ${payload.length}\r\nIdempotency-Key: load-${process.pid}-${i}\r\n\r\n`),
      payload,
    ]);
  };
  /** One keep-alive connection: sends the next body once the last answer has been read whole. */
  const connection = () =>
    new Promise((resolve, reject) => {
      const socket = net.connect(port, target.hostname);
      socket.setNoDelay(true);
      let buffered = Buffer.alloc(0);
      let current = -1;
      let done = false;
      const send = () => {
        if (next >= bodies.length) {
          done = true;
          socket.end();
          return resolve();
        }
        current = next++;
        socket.write(request(current));
      };
      socket.on('connect', send);
      socket.on('error', reject);
      socket.on('close', () => {
        if (!done) reject(new Error(`the server closed the connection before answering request ${current}`));
      });
      socket.on('data', (chunk) => {
        buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
        for (;;) {
          const end = buffered.indexOf(CRLF_CRLF);
          if (end === -1) return;
          const headText = buffered.toString('latin1', 0, end);
          const length = /\r\ncontent-length:\s*(\d+)/i.exec(headText);
          if (!length) return reject(new Error(`an answer without Content-Length: ${headText.slice(0, 200)}`));
          const total = end + 4 + Number(length[1]);
          if (buffered.length < total) return;
          const status = Number(headText.slice(9, 12));
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (expect && status !== expect) {
            const text = buffered.toString('utf8', end + 4, total);
            return reject(new Error(`request ${current} got ${status}: ${text.slice(0, 200)}`));
          }
          buffered = buffered.subarray(total);
          send();
        }
      });
    });
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  try {
    await Promise.all(Array.from({ length: clients }, connection));
  } catch (error) {
    process.stderr.write(`load client: ${error.message}\n`);
    process.exit(1);
  }
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  // The client's own CPU while sending (ms): it shares the machine's cores with the server it measures.
  process.stdout.write(JSON.stringify({ seconds, statuses, clientMs: (cpu.user + cpu.system) / 1000 }));
});
