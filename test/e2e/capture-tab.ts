import { test as base } from '@playwright/test';
import { bundleForBrowser } from '../support/browser-bundle';

/** What `extractIssues` returns, as far as the capture specs read it. */
export interface CaptureOutput {
  issues: unknown[];
}

export interface CaptureTab {
  /** Serves `body` at `url` (every other request gets a 404, as a page saved alone has no other files) and opens it. */
  open(url: string, body: Buffer, contentType: string): Promise<void>;
  /** Runs the extractor on the open page's live DOM, limited to the element `selection` names when given. */
  extract(selection?: string): Promise<CaptureOutput>;
}

/**
 * One tab per worker for the capture specs, which open hundreds of saved pages: a fresh context per page and the
 * 0.7 MB engine sent into each over the protocol cost more than the extraction itself (about 2 s a page on CI). The
 * engine is registered once as an init script, so Chromium itself evaluates it in each new document, before the
 * page's own scripts, as no <script> element (an injected element would read as the page's own data-loading script).
 * A test that fails ends its worker, and with it this tab: the next test gets a fresh one.
 */
export const test = base.extend<object, { captureTab: CaptureTab }>({
  captureTab: [
    async ({ browser }, use) => {
      // Minified, as the extension ships it.
      const bundle = await bundleForBrowser('test/support/capture-browser-entry.ts', 'LinliCapture', { minify: true });
      const context = await browser.newContext();
      // Frames of a page (404s here) are documents too: only the top one is read. Playwright runs an init script in
      // a function of its own, so the bundle's `var` is made a property of the window by hand.
      await context.addInitScript({
        content: `if (window === window.top) {\n${bundle}\nwindow.LinliCapture = LinliCapture;\n}`,
      });
      let served: { url: string; body: Buffer; contentType: string } | undefined;
      await context.route('**/*', (route) =>
        served && route.request().url() === served.url
          ? route.fulfill({ status: 200, contentType: served.contentType, body: served.body })
          : route.fulfill({ status: 404, body: '' }),
      );
      const tab = await context.newPage();
      await use({
        async open(url, body, contentType) {
          // The browser asks for the address in its normal form (`https://host` → `https://host/`), without #fragment
          // (single-page portals put their route there).
          served = { url: new URL(url).href.split('#')[0]!, body, contentType };
          await tab.goto(url);
        },
        extract: (selection) =>
          tab.evaluate((selector) => {
            const api = (
              window as unknown as {
                LinliCapture: { extractIssues: (doc: Document, options: object) => CaptureOutput };
              }
            ).LinliCapture;
            const selected = selector ? (document.querySelector(selector) ?? undefined) : undefined;
            return api.extractIssues(document, { now: new Date('2026-06-02T00:00:00Z'), selection: selected });
          }, selection ?? null),
      });
      await context.close();
    },
    { scope: 'worker' },
  ],
});
