import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { parseHtml } from './node';

/**
 * Causes of the fifteenth session's one scoring (held-out-28, -29, -30, -cn16; tuned on since, not unseen) on case and
 * notice pages: every test names the page that showed the cause, and its markup is written apart from it, as another
 * site's page of the same kind.
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW });

describe('real causes (s15-pcases): federal data pages', () => {
  it('reads a page whose template leaves out `</head><body>` as a browser does (us-osha-inspection-1458614-group-1-automotive)', () => {
    const url = 'https://enforcement.example.gov/record?id=3120045';
    const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Case Record | Mine Safety Agency</title>
<link rel="stylesheet" href="/site.css"><script src="/site.js"></script>
<div id="content"><h2>Roof fall at the Eastfield shaft injures two miners</h2>
<p>Two miners were hurt on 14 March 2021 when part of the roof of the Eastfield shaft gave way during the night shift.</p>
</div></html>`;
    const [issue] = extract(html, url).issues;
    expect(issue?.description).toContain('part of the roof of the Eastfield shaft gave way');
    const [tagged] = extract(html.replace('<div id="content">', '</head><body><div id="content">'), url).issues;
    expect(issue?.title).toBe(tagged?.title);
  });
});
