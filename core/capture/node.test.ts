import { describe, expect, it } from 'vitest';
import { parseHtml } from './node';

describe('parseHtml repairs where the body starts and ends as a browser does', () => {
  it('reads a page that both leaves out `</head><body>` and closes the document mid-page, in page order', () => {
    // The template's header opens the content with no `</head><body>`; its included banner ends with `</html>`, and the
    // page goes on after it. A browser shows banner, article, footer in that order, all in <body>.
    const doc =
      parseHtml(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>公告</title><link rel="stylesheet" href="/s.css">
<div id="banner">市政府网站</div></html>
<div id="article"><p>关于道路施工的公告</p></div>
<div id="footer">版权所有</div></body></html>`);
    expect([...doc.body.children].map((el) => el.id)).toEqual(['banner', 'article', 'footer']);
    expect(doc.head.querySelector('title')?.textContent).toBe('公告');
    expect(doc.head.querySelector('div')).toBeNull();
  });
});
