/**
 * The demo's district site: a 和平里小区 page as a webmaster would write it — its own banner, menus, news column and
 * a stylesheet of the old-portal kind (small body text, buttons restyled, content-box sizing) — embedding the
 * widgets with one script tag from the Linli server, which lives on another origin. Served on a second port by
 * `linli serve --demo` so `npm start` shows the widgets working across origins as they would on a real site.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { escapeHtml } from '@linli/core';
import { samplePortalIndex, samplePortalPage } from './sample-portals';

export function districtPage(linli: string, lang: 'zh-CN' | 'en' = 'zh-CN'): string {
  const server = escapeHtml(linli.replace(/\/+$/, ''));
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>和平里小区 · 居民之家</title>
<script type="module" blocking="render" src="${server}/widgets/linli.js"></script>
<style>
  /* The site's own stylesheet, as district portals have them. */
  * { box-sizing: content-box; }
  body { margin: 0; font: 12px/1.3 "SimSun", serif; color: #333; background: #f3efe6; }
  button { display: none; }
  a { color: #8b0000; }
  .banner { background: #b22222; color: #fff; padding: 14px 20px; }
  .banner h1 { margin: 0; font-size: 22px; letter-spacing: 4px; }
  .nav { background: #8b0000; padding: 6px 20px; }
  .nav a { color: #ffe; margin-right: 18px; text-decoration: none; }
  .page { max-width: 1100px; margin: 0 auto; padding: 12px; display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 1fr); gap: 16px; }
  .col > section { background: #fff; border: 1px solid #d8cfc0; padding: 10px; margin-bottom: 16px; }
  .col h2 { font-size: 14px; border-bottom: 2px solid #b22222; padding-bottom: 4px; margin: 0 0 8px; }
  .news li { line-height: 2.4; }
  footer { text-align: center; padding: 20px; color: #666; }
  @media (max-width: 800px) { .page { grid-template-columns: minmax(0, 1fr); } }
</style>
</head>
<body>
<div class="banner"><h1>和平里小区 居民之家</h1><div>和平里街道 · 和平里居委会</div></div>
<div class="nav"><a href="#vote">业主表决</a><a href="#poll">意向调查</a><a href="#wishes">微心愿</a><a href="#progress">工程进度</a></div>
<div class="page">
  <div class="col">
    <section id="vote"><h2>3号楼加装电梯 · 业主表决</h2>
      <p>请3号楼业主使用居委会发放的投票卡上的投票码进行表决（扫码即可自动填入）。</p>
      <linli-vote server="${server}" consultation="elevator-3" lang="${lang}"></linli-vote>
    </section>
    <section id="poll"><h2>2026年停车方案 · 意向调查</h2>
      <linli-vote server="${server}" consultation="parking-2026" lang="${lang}"></linli-vote>
    </section>
    <section id="wishes"><h2>微心愿</h2>
      <linli-proposals server="${server}" consultation="wishes" mode="wishes" lang="${lang}"></linli-proposals>
    </section>
  </div>
  <div class="col">
    <section id="progress"><h2>垃圾箱房改造进度</h2>
      <linli-progress server="${server}" consultation="garbage-room" lang="${lang}"></linli-progress>
    </section>
    <section><h2>通知公告</h2>
      <ul class="news">
        <li><a href="#vote">关于3号楼加装电梯业主表决的公告</a></li>
        <li><a href="#poll">停车方案意向调查开始</a></li>
        <li><a href="#progress">垃圾分类箱房改造施工告示</a></li>
        <li><a href="#wishes">“微心愿”认领活动倡议书</a></li>
      </ul>
    </section>
  </div>
</div>
<footer>和平里居委会 · 联系电话 010-0000-0000</footer>
</body>
</html>
`;
}

function servePortal(file: string, res: ServerResponse): void {
  if (file === '') {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(samplePortalIndex());
    return;
  }
  void samplePortalPage(file).then((page) => {
    if (!page) res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
    // No charset parameter: each saved page declares its own (some are GBK).
    else res.writeHead(200, { 'Content-Type': 'text/html', 'Cache-Control': 'no-store' }).end(page);
  });
}

export interface DistrictSite {
  url: string;
  close(): Promise<void>;
}

/** Serves the page (and `?lang=en`) on `port` (0: a free one); the widgets load from `linli`. */
export function serveDistrictSite(linli: () => string, port: number, host: string): Promise<DistrictSite> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://site');
    if (url.pathname === '/portals/' || url.pathname.startsWith('/portals/')) {
      servePortal(url.pathname.slice('/portals/'.length), res);
      return;
    }
    if (url.pathname !== '/' && url.pathname !== '/index.html') {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    const lang = url.searchParams.get('lang') === 'en' ? 'en' : 'zh-CN';
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(districtPage(linli(), lang));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: bound } = server.address() as AddressInfo;
      const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
      resolve({
        url: `http://${shown}:${bound}/`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
