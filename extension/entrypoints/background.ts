import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { clipTab, pickInTab } from '../lib/clip';
import { openDb } from '../lib/db';
import { isClipped } from '../lib/duplicates';
import type { ClipAnswer, PanelMessage } from '../lib/messages';
import { PENDING_CLIP } from '../lib/messages';
import { listRecipes } from '../lib/recipes';

/** Wiring only: toolbar button, context menu, shortcut, panel requests and the "already clipped" badge. */
export default defineBackground(() => {
  const db = openDb();
  const api = browser as typeof browser & {
    sidePanel?: {
      setPanelBehavior(b: { openPanelOnActionClick: boolean }): Promise<void>;
      open(o: { tabId?: number; windowId?: number }): Promise<void>;
    };
    sidebarAction?: { open(): Promise<void> };
    browserAction?: typeof browser.action;
  };
  const action = browser.action ?? api.browserAction;

  // Chrome opens the side panel from the toolbar button; Firefox's button toggles the sidebar.
  api.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
  if (!api.sidePanel && api.sidebarAction) action?.onClicked.addListener(() => api.sidebarAction!.open());

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: 'clip-selection',
      title: '剪藏所选内容为事项 (Clip selection as issue)',
      contexts: ['selection'],
    });
  });

  // Must run inside the user's gesture: opening the panel is the first thing a menu click or the shortcut does.
  function openPanel(tab: { id?: number; windowId?: number }) {
    if (api.sidePanel) return api.sidePanel.open({ tabId: tab.id, windowId: tab.windowId }).catch(() => {});
    return api.sidebarAction?.open().catch(() => {});
  }

  async function clipForPanel(tabId: number, selection: boolean) {
    const answer = await clipTab(tabId, selection, await listRecipes(db));
    await browser.storage.session.set({ [PENDING_CLIP]: { answer, at: Date.now() } });
    if (answer.ok) await markIfClipped(tabId, answer.clip.url);
  }

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== 'clip-selection' || tab?.id === undefined) return;
    openPanel(tab);
    void clipForPanel(tab.id, true);
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'clip-page' || tab?.id === undefined) return;
    openPanel(tab);
    void clipForPanel(tab.id, false);
  });

  async function targetTab(tabId?: number): Promise<number | undefined> {
    if (tabId !== undefined) return tabId;
    const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id;
  }

  browser.runtime.onMessage.addListener((message: PanelMessage, _sender, respond) => {
    if (message?.type === 'clip') {
      void (async () => {
        const tabId = await targetTab(message.tabId);
        if (tabId === undefined) return respond({ ok: false, error: 'no-tab' } satisfies ClipAnswer);
        const answer = await clipTab(tabId, message.selection, message.recipes ?? (await listRecipes(db)));
        if (answer.ok) await markIfClipped(tabId, answer.clip.url);
        respond(answer);
      })();
      return true;
    }
    if (message?.type === 'pick') {
      void (async () => {
        const tabId = await targetTab(message.tabId);
        if (tabId === undefined) return respond({ ok: false, error: 'no-tab' });
        respond(await pickInTab(tabId, message.request));
      })();
      return true;
    }
    return undefined;
  });

  async function markIfClipped(tabId: number, url: string) {
    const clipped = await isClipped(db, url).catch(() => false);
    await action?.setBadgeText({ tabId, text: clipped ? '✓' : '' });
    if (clipped) await action?.setBadgeBackgroundColor({ tabId, color: '#15803d' });
  }

  // The tab's address is visible here only for portals the staff member allowed (optional host permission), so
  // the badge appears exactly where it is permitted.
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status === 'complete' && tab.url && /^https?:/.test(tab.url)) void markIfClipped(tabId, tab.url);
  });
});
