// A load generator in its own process, as phones are: `clients` keep-alive connections, each sending its next
// request as soon as the last answer is read. Reads {url, bodies, clients, headers?, expect?} as JSON on stdin,
// sends every body once (in order, shared among the connections), and prints {seconds, statuses, clientMs} as JSON.
// Plain node:http with a keep-alive agent: lighter than fetch, so on a 2-core machine the client takes as little
// of the server's CPU as possible, and the same client serves every row that compares a server with a baseline.
import http from 'node:http';

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (d) => (input += d));
process.stdin.on('end', async () => {
  const { url, bodies, clients, headers = {}, expect } = JSON.parse(input);
  const target = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const statuses = {};
  let next = 0;
  const send = (body, i) =>
    new Promise((resolve, reject) => {
      const payload = Buffer.from(body);
      const req = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname + target.search,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': payload.length,
            'idempotency-key': `load-${process.pid}-${i}`,
            ...headers,
          },
        },
        (res) => {
          statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (d) => (text += d));
          res.on('end', () => {
            if (expect && res.statusCode !== expect) {
              reject(new Error(`request ${i} got ${res.statusCode}: ${text.slice(0, 200)}`));
            } else resolve();
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  try {
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (next < bodies.length) {
          const i = next++;
          await send(bodies[i], i);
        }
      }),
    );
  } catch (error) {
    process.stderr.write(`load client: ${error.message}\n`);
    process.exit(1);
  }
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  agent.destroy();
  // The client's own CPU while sending (ms): it shares the machine's cores with the server it measures.
  process.stdout.write(JSON.stringify({ seconds, statuses, clientMs: (cpu.user + cpu.system) / 1000 }));
});
