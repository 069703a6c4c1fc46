/**
 * Synthetic large portal pages for benchmarks: what a 2 MB page looks like in practice — a case list with
 * thousands of rows, or a detail page buried in navigation, scripts and a long reply history.
 */
const STATUSES = ['待受理', '已受理', '办理中', '已办结', '已关闭'];
const CATEGORIES = ['市政设施', '绿化市容', '环境保护', '物业管理', '交通出行'];

function shell(title: string, body: string, padTo: number): string {
  const head = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title} - 市民服务热线</title>
<script>var cfg = ${JSON.stringify({ menu: Array.from({ length: 50 }, (_, i) => `菜单${i}`) })};</script></head><body>
<div class="nav"><ul>${Array.from({ length: 40 }, (_, i) => `<li><a href="/m/${i}">栏目${i}</a></li>`).join('')}</ul></div>`;
  let page = `${head}<div class="main">${body}</div>`;
  const filler: string[] = [];
  let size = Buffer.byteLength(page);
  let i = 0;
  while (size < padTo) {
    const link = `<li><a href="/news/${i}">街道新闻第${i}条：社区开展垃圾分类宣传活动</a><span>2026-05-${String((i % 28) + 1).padStart(2, '0')}</span></li>`;
    filler.push(link);
    size += Buffer.byteLength(link);
    i++;
  }
  page += `<div class="side"><ul>${filler.join('')}</ul></div><div class="footer">版权所有</div></body></html>`;
  return page;
}

/** A case list of about `bytes` bytes: a header row and one row per case. */
export function bigListPage(bytes = 2_000_000): string {
  const rows: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes - 2000; i++) {
    const row = `<tr><td>PD26052${String(i).padStart(5, '0')}</td><td><a href="/case/${i}">第${i}号诉求：小区门口人行道地砖松动，老人多次绊倒</a></td><td>${CATEGORIES[i % 5]}</td><td>2026-05-${String((i % 28) + 1).padStart(2, '0')} ${String(i % 24).padStart(2, '0')}:30</td><td>${STATUSES[i % 5]}</td></tr>`;
    rows.push(row);
    size += Buffer.byteLength(row);
  }
  const table = `<table class="list"><thead><tr><th>工单编号</th><th>诉求标题</th><th>诉求类别</th><th>受理时间</th><th>办理状态</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  return shell('工单列表', table, 0);
}

/** A detail page of about `bytes` bytes: label–value table, long description, many replies, heavy side bars. */
export function bigDetailPage(bytes = 2_000_000): string {
  const paragraphs = Array.from(
    { length: 200 },
    (_, i) => `<p>第${i}段：入口坡道积水最深处已没过脚踝，居民出行不便，联系电话13812345678。</p>`,
  ).join('');
  const replies = Array.from(
    { length: 100 },
    (_, i) =>
      `<div class="reply"><div class="reply-hd">答复单位：田林街道办事处　答复时间：2026-05-${String((i % 28) + 1).padStart(2, '0')} 10:00</div><div class="reply-bd">已安排人员第${i}次现场查看并疏通截水沟。</div></div>`,
  ).join('');
  const table = `<table class="detail"><tr><td>工单编号</td><td>XH2605280137</td><td>受理时间</td><td>2026年5月28日 14时30分</td></tr>
<tr><td>诉求标题</td><td colspan="3">桂林路396弄地下车库入口积水</td></tr><tr><td>联 系 人</td><td>王女士</td><td>联系电话</td><td>13916527408</td></tr>
<tr><td>诉求内容</td><td colspan="3">${paragraphs}</td></tr><tr><td>办理状态</td><td>办理中</td><td>承办单位</td><td>徐汇区田林街道办事处</td></tr></table>`;
  return shell('工单详情', `${table}<div class="replies"><h3>办理过程</h3>${replies}</div>`, bytes);
}
