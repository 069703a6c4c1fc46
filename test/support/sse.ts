/** Reading server-sent events in tests. */

export interface SseEvent {
  id?: string;
  event?: string;
  data?: string;
}

/** A minimal EventSource over fetch, so the test sees raw ids and can send Last-Event-ID. */
export function subscribe(url: string, lastEventId?: string) {
  const controller = new AbortController();
  const events: SseEvent[] = [];
  let comments = 0;
  let status = 0;
  let contentType = '';
  const done = (async () => {
    const res = await fetch(url, {
      headers: lastEventId ? { 'Last-Event-ID': lastEventId } : {},
      signal: controller.signal,
    });
    status = res.status;
    contentType = res.headers.get('content-type') ?? '';
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event: SseEvent = {};
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) comments++;
          const m = /^(id|event|data): ?(.*)$/.exec(line);
          if (m) event[m[1] as keyof SseEvent] = m[2];
        }
        if (event.event) events.push(event);
        end = buffer.indexOf('\n\n');
      }
    }
  })().catch(() => {});
  return {
    events,
    get status() {
      return status;
    },
    get contentType() {
      return contentType;
    },
    get comments() {
      return comments;
    },
    of: (type: string) => events.filter((e) => e.event === type).map((e) => JSON.parse(e.data!)),
    close: async () => {
      controller.abort();
      await done;
    },
  };
}
