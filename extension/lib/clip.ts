/**
 * Runs the capture engine in a tab (background side). The content script is injected only now, on demand, into a
 * tab the extension may touch: activeTab (granted by the toolbar button, the context menu or the shortcut) or a
 * portal origin the staff member allowed for the "already clipped" badge.
 */
import type { Recipe } from '@linli/core/capture';
import { browser } from 'wxt/browser';
import type { ClipAnswer, ClipRequest, ClipResult, PickAnswer, Picked, PickRequest } from './messages';

type Injection = { result?: unknown }[];

async function inject(tabId: number, global: string, request: unknown, file: string): Promise<unknown> {
  await browser.scripting.executeScript({
    target: { tabId },
    func: (name: string, value: unknown) => {
      (globalThis as Record<string, unknown>)[name] = value;
    },
    args: [global, request],
  });
  const results = (await browser.scripting.executeScript({ target: { tabId }, files: [file] })) as Injection;
  return results[0]?.result;
}

function failure(error: unknown): { ok: false; error: 'no-access' | 'failed'; detail: string } {
  const detail = error instanceof Error ? error.message : String(error);
  const noAccess = /cannot access|permission|cannot be scripted|missing host|chrome:\/\/|extensions gallery/i.test(
    detail,
  );
  return { ok: false, error: noAccess ? 'no-access' : 'failed', detail };
}

export async function clipTab(tabId: number, selection: boolean, recipes: Recipe[]): Promise<ClipAnswer> {
  const request: ClipRequest = { selection, recipes };
  try {
    const clip = (await inject(tabId, '__linliClip', request, '/content-scripts/clip.js')) as ClipResult | undefined;
    if (!clip) return { ok: false, error: 'failed', detail: 'the page gave no answer' };
    return { ok: true, clip };
  } catch (error) {
    return failure(error);
  }
}

export async function pickInTab(tabId: number, request: PickRequest): Promise<PickAnswer> {
  try {
    await browser.tabs.update(tabId, { active: true });
    const picked = (await inject(tabId, '__linliPick', request, '/content-scripts/picker.js')) as Picked | null;
    return { ok: true, picked: picked ?? null };
  } catch (error) {
    return failure(error);
  }
}
