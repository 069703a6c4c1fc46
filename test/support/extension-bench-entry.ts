/**
 * What the extension benchmark runs inside the extension's own page in real Chromium: the library's code
 * (db, restore, search) and a generator of realistic issues. Bundled by test/support/browser-bundle.ts.
 */
import './zod-jitless';
import { openDb } from '../../extension/lib/db';
import { BACKUP_FORMAT, restore } from '../../extension/lib/export';
import { countIssues, queryLibrary } from '../../extension/lib/library';

const PLACES = [
  '和平里小区',
  '望京佳园',
  '南湖西园',
  '芳草东街',
  '玉林北路',
  '宝星园',
  '花家地南里',
  '利泽中园',
  '翠柳苑',
  '嘉唐公路',
];
const PROBLEMS = [
  ['楼道漏水', '顶楼楼道天花板渗水，雨天更严重'],
  ['路灯不亮', '夜间出行不便，老人担心摔倒'],
  ['噪声扰民', '底商排风机夜间运转声音很大'],
  ['电梯故障', '电梯频繁停运，维修不及时'],
  ['垃圾堆放', '垃圾箱房周边长期堆放装修垃圾'],
  ['占道经营', '人行道被摊贩长期占用'],
  ['违章搭建', '顶楼业主违规加建阳光房'],
  ['飞线充电', '电动车从楼上拉线充电存在火灾隐患'],
  ['停车混乱', '消防通道被私家车占用'],
  ['井盖缺失', '小区门口井盖缺失，行人易跌落'],
  ['供水发黄', '二次供水水质发黄有异味'],
  ['绿化破坏', '绿化带被踩踏成小路'],
];
const STATUSES = ['new', 'accepted', 'in_progress', 'resolved', 'closed', 'rejected'] as const;

export function makeIssues(n: number, start = Date.parse('2025-01-01T00:00:00+08:00')) {
  const out = [];
  for (let i = 0; i < n; i += 1) {
    const place = PLACES[i % PLACES.length]!;
    const [problem, detail] = PROBLEMS[(i * 7) % PROBLEMS.length]!;
    const at = new Date(start + i * 60_000).toISOString();
    out.push({
      schemaVersion: 1,
      id: `b${i.toString(36)}`,
      title: `${place}${(i % 30) + 1}号楼${problem}`,
      description: `居民反映${place}${(i % 30) + 1}号楼${detail}，已持续${(i % 9) + 1}天，请尽快处理。编号${i}。`,
      category: problem,
      tags: i % 5 === 0 ? ['加急'] : [],
      location: { address: `${place}${(i % 30) + 1}号楼${(i % 4) + 1}单元` },
      reporter: { name: '王女士', phone: '138****5678' },
      source: {
        url: `https://portal.example.cn/case/${i}`,
        portal: '12345',
        caseNumber: `GD${100000 + i}`,
        capturedAt: at,
      },
      reportedAt: at,
      status: STATUSES[i % STATUSES.length],
      updates: [],
      attachments: [],
      createdAt: at,
      updatedAt: at,
    });
  }
  return out;
}

/** Imports n issues as a backup file (JSON → zod → one transaction), as staff restoring a library do. */
export async function importBench(n: number) {
  const db = openDb();
  await db.transaction('rw', db.store, () => Promise.all(db.store.map((t) => t.clear())));
  const text = JSON.stringify({ format: BACKUP_FORMAT, version: 1, issues: makeIssues(n), recipes: [] });
  const t0 = performance.now();
  const report = await restore(db, text);
  const ms = performance.now() - t0;
  db.close();
  return { ms, imported: report.issues, skipped: report.skipped.length };
}

const PLAIN_DB = 'linli-bench-plain';

/**
 * The same records written the plainest way: one bulkPut into a store with no secondary index. The store stays
 * until `searchBench` has read from it (its baseline) and is deleted there.
 */
export async function importBaseline(n: number) {
  const { default: Dexie } = await import('dexie');
  const raw = new Dexie(PLAIN_DB);
  raw.version(1).stores({ issues: 'id' });
  await raw.table('issues').clear();
  const issues = makeIssues(n);
  const t0 = performance.now();
  await raw.transaction('rw', raw.table('issues'), () => raw.table('issues').bulkPut(issues));
  const ms = performance.now() - t0;
  raw.close();
  return { ms };
}

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * First 50 results of two-character Chinese queries vs 50 records read by indexed equality (primary keys of the
 * plain store `importBaseline` filled), medians over runs.
 */
export async function searchBench(runs: number) {
  const { default: Dexie } = await import('dexie');
  const plain = new Dexie(PLAIN_DB);
  plain.version(1).stores({ issues: 'id' });
  const db = openDb();
  const queries = ['漏水', '路灯', '电梯', '充电', '井盖', '供水'];
  const search: number[] = [];
  const equality: number[] = [];
  let hits = 0;
  for (let r = 0; r < runs; r += 1) {
    const q = queries[r % queries.length]!;
    let t0 = performance.now();
    const page = await queryLibrary(db, { text: q, limit: 50 });
    search.push(performance.now() - t0);
    hits = page.issues.length;
    t0 = performance.now();
    await plain
      .table('issues')
      .where('id')
      .anyOf(Array.from({ length: 50 }, (_, i) => `b${(r * 997 + i * 1999).toString(36)}`))
      .toArray();
    equality.push(performance.now() - t0);
  }
  const count = await countIssues(db);
  db.close();
  await plain.delete();
  return { search: median(search), equality: median(equality), hits, count };
}
