import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

vi.mock('wxt/browser', () => ({ browser: fakeBrowser }));

const { connection, disconnect, loadConnection } = await import('./server');
const { drafts, takePendingClip, view } = await import('./store');
const { PENDING_CLIP } = await import('./messages');

describe('panel state with the extension storage (WXT fake browser)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('the staff token is kept in extension storage and forgotten on disconnect', async () => {
    await fakeBrowser.storage.local.set({ 'linli.connection': { url: 'https://linli.example.org', token: 't0k' } });
    await loadConnection();
    expect(connection.value).toEqual({ url: 'https://linli.example.org', token: 't0k' });
    await disconnect();
    expect(connection.value).toBeNull();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('a clip made from the context menu opens in the edit form once, then is forgotten', async () => {
    const issue = {
      schemaVersion: 1,
      id: 'm1',
      title: '剪藏的内容',
      description: '',
      tags: [],
      location: {},
      reporter: {},
      source: { url: 'https://p.example.cn/1', capturedAt: '2026-05-01T00:00:00Z' },
      status: 'new',
      updates: [],
      attachments: [],
      createdAt: '2026-05-01T00:00:00Z',
      updatedAt: '2026-05-01T00:00:00Z',
    };
    await fakeBrowser.storage.session.set({
      [PENDING_CLIP]: {
        answer: {
          ok: true,
          clip: { issues: [issue], kind: 'selection', notes: [], url: 'https://p.example.cn/1', pageTitle: 'x' },
        },
      },
    });
    await takePendingClip();
    expect(view.value).toBe('edit');
    expect(drafts.value.map((d) => d.issue.title)).toEqual(['剪藏的内容']);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });
});
