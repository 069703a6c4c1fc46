import { extractIssues, type Recipe } from '@linli/core/capture';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ClipRequest, ClipResult } from '../lib/messages';

/** Injected on demand: runs core/capture on the live page and hands the drafts back to the background. */
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main(): ClipResult {
    const g = globalThis as { __linliClip?: ClipRequest };
    const request = g.__linliClip ?? { selection: false, recipes: [] };
    g.__linliClip = undefined;
    const s = request.selection ? window.getSelection() : null;
    const selection = s && s.rangeCount > 0 && !s.isCollapsed ? s.getRangeAt(0) : null;
    const result = extractIssues(document, {
      url: location.href,
      recipes: request.recipes as Recipe[],
      selection,
      now: request.now ? new Date(request.now) : undefined,
    });
    // Structured clone keeps plain data only; the issues are plain JSON already.
    return JSON.parse(JSON.stringify({ ...result, url: location.href, pageTitle: document.title }));
  },
});
