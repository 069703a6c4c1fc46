/**
 * "Mark pages already clipped", per portal: turning it on asks for that portal's origin (an optional host
 * permission), which lets the background see the addresses of its tabs and badge the ones in the library.
 */
import { browser } from 'wxt/browser';
import type { LinliDb } from './db';
import { readLibrary } from './library';

export async function portalOrigins(db: LinliDb): Promise<string[]> {
  const origins = new Set<string>();
  const urls = await readLibrary(db, async (snap) => new Set((await snap.column('url')).flat()));
  for (const url of urls) {
    if (!url) continue;
    try {
      const u = new URL(url);
      if (u.protocol === 'http:' || u.protocol === 'https:') origins.add(u.origin);
    } catch {
      // not an address: nothing to mark
    }
  }
  return [...origins].sort();
}

export async function badgeAllowed(origin: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [`${origin}/*`] }).catch(() => false);
}

/** Call from the click that turns it on: the browser asks the staff member. */
export async function setBadge(origin: string, on: boolean): Promise<boolean> {
  const origins = [`${origin}/*`];
  if (on) return browser.permissions.request({ origins });
  await browser.permissions.remove({ origins });
  return false;
}
