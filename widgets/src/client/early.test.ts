import { afterEach, describe, expect, it, vi } from 'vitest';
import { voteData } from './api';
import { startReads } from './early';

/** A page with these vote tags, as far as startReads looks at it. */
const page = (...tags: Array<Record<string, string>>) =>
  ({
    querySelectorAll: () => tags.map((attrs) => ({ getAttribute: (name: string) => attrs[name] ?? null })),
  }) as unknown as ParentNode;

const answer = (body: unknown) =>
  new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });

describe('the vote widgets’ early reads', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks once per matter and language, with the tally in the same request, and the widget takes that answer', async () => {
    const urls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        urls.push(url);
        return answer({
          slug: 'lift',
          ballot: { options: [] },
          tally: { hidden: true, participation: { ballots: 3 } },
        });
      }),
    );
    const tag = { server: 'https://linli.example.org/', consultation: 'lift' };
    startReads(page(tag, tag, { ...tag, lang: 'en' }));
    startReads(page(tag)); // the script evaluated twice on one page: still one request
    expect(urls).toEqual([
      'https://linli.example.org/api/v1/consultations/lift?include=tally&lang=zh-CN',
      'https://linli.example.org/api/v1/consultations/lift?include=tally&lang=en',
    ]);
    const [view, tally] = await voteData('https://linli.example.org', 'lift', 'zh-CN');
    expect(view).toEqual({ slug: 'lift', ballot: { options: [] } });
    expect(tally).toEqual({ hidden: true, participation: { ballots: 3 } });
    expect(urls).toHaveLength(2); // taken from the early read, not asked again
  });

  it('asks for the tally separately when the server does not know include=tally', async () => {
    const urls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        urls.push(url);
        return url.includes('/tally')
          ? answer({ hidden: true, participation: { ballots: 1 } })
          : answer({ ballot: {} });
      }),
    );
    const [, tally] = await voteData('https://old.example.org', 'lift', 'en');
    expect(tally).toEqual({ hidden: true, participation: { ballots: 1 } });
    expect(urls).toEqual([
      'https://old.example.org/api/v1/consultations/lift?include=tally&lang=en',
      'https://old.example.org/api/v1/consultations/lift/tally?lang=en',
    ]);
  });

  it('turns an unreachable server into the widget’s network error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    startReads(page({ server: 'https://down.example.org', consultation: 'lift' }));
    await expect(voteData('https://down.example.org', 'lift', 'zh-CN')).rejects.toMatchObject({
      kind: 'network',
      code: 'unreachable',
      zh: expect.stringContaining('无法连接'),
    });
  });
});
