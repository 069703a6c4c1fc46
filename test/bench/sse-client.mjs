// Many SSE subscribers in one process, over raw sockets (an EventSource per subscriber would measure the client).
// argv: port path count marker. Opens `count` streams (in waves), prints "ready" once every stream has received
// its first bytes, then records when each stream first receives `marker`, and prints {arrivals, missing} as JSON
// once all have it (or after 30 s). Times are performance.timeOrigin + performance.now(), comparable across
// processes on one machine.
import { connect } from 'node:net';

const [port, path, countText, marker] = process.argv.slice(2);
const count = Number(countText);
const now = () => performance.timeOrigin + performance.now();
const arrivals = new Array(count).fill(0);
let arrived = 0;

function open(i) {
  return new Promise((resolve, reject) => {
    let text = '';
    let first = true;
    const socket = connect(Number(port), '127.0.0.1', () =>
      socket.write(`GET ${path} HTTP/1.1\r\nHost: bench\r\nAccept: text/event-stream\r\n\r\n`),
    );
    socket.setEncoding('latin1');
    socket.on('data', (chunk) => {
      if (first) {
        first = false;
        resolve();
      }
      if (arrivals[i] !== 0) return;
      text += chunk;
      if (text.includes(marker)) {
        arrivals[i] = now();
        arrived += 1;
        text = '';
        if (arrived === count) finish();
      } else if (text.length > 4096) text = text.slice(-1024);
    });
    socket.on('error', reject);
  });
}

function finish() {
  process.stdout.write(`${JSON.stringify({ arrivals: arrivals.filter((t) => t > 0), missing: count - arrived })}\n`);
  process.exit(0);
}

for (let i = 0; i < count; i += 500) {
  await Promise.all(Array.from({ length: Math.min(500, count - i) }, (_, k) => open(i + k)));
}
process.stdout.write('ready\n');
setTimeout(finish, 30_000);
