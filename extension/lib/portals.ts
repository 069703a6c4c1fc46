/**
 * "Mark pages already clipped", per portal: turning it on asks for that portal's origin (an optional host
 * permission), which lets the background see the addresses of its tabs and badge the ones in the library.
 */
import { browser } from 'wxt/browser';
import type { LinliDb } from './db';

export async function portalOrigins(db: LinliDb): Promise<string[]> {
  const origins = new Set<string>();
  for (const url of await db.issues.orderBy('source.url').uniqueKeys()) {
    try {
      const u = new URL(String(url));
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
