/**
 * Export and backup. CSV carries a UTF-8 byte-order mark, which is how Excel and WPS know the file is UTF-8
 * (without it they read Chinese as GBK garble). XLSX holds real date cells; exceljs is large, so it is loaded only
 * when a spreadsheet is asked for. The JSON backup restores through zod: a file that is not a Linli backup changes
 * nothing, and each record that fails is skipped with its reason.
 */
import { Issue } from '@linli/core';
import { Recipe } from '@linli/core/capture';
import { z } from 'zod';
import { type LinliDb, storeTables } from './db';
import { Snapshot } from './issue-snapshot';
import { writeLibrary } from './library';

interface Column {
  zh: string;
  en: string;
  get: (i: Issue) => string;
  date?: boolean;
}

export const COLUMNS: readonly Column[] = [
  { zh: '标题', en: 'Title', get: (i) => i.title },
  { zh: '状态', en: 'Status', get: (i) => i.status },
  { zh: '分类', en: 'Category', get: (i) => i.category ?? '' },
  { zh: '描述', en: 'Description', get: (i) => i.description },
  { zh: '地址', en: 'Address', get: (i) => i.location.address ?? '' },
  { zh: '反映人', en: 'Reporter', get: (i) => i.reporter.name ?? '' },
  { zh: '电话', en: 'Phone', get: (i) => i.reporter.phone ?? '' },
  { zh: '承办单位', en: 'Department', get: (i) => i.department ?? '' },
  { zh: '案件编号', en: 'Case number', get: (i) => i.source.caseNumber ?? '' },
  { zh: '来源平台', en: 'Portal', get: (i) => i.source.portal ?? '' },
  { zh: '来源链接', en: 'Source URL', get: (i) => i.source.url ?? '' },
  { zh: '反映时间', en: 'Reported at', get: (i) => i.reportedAt ?? '', date: true },
  { zh: '收录时间', en: 'Clipped at', get: (i) => i.createdAt, date: true },
  { zh: '标签', en: 'Tags', get: (i) => i.tags.join('；') },
  { zh: '编号', en: 'ID', get: (i) => i.id },
];

function csvCell(value: string): string {
  // A cell starting with = + - @ would run as a formula in Excel/WPS: quote it as text.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(issues: readonly Issue[], lang: 'zh-CN' | 'en' = 'zh-CN'): string {
  const head = COLUMNS.map((c) => csvCell(lang === 'en' ? c.en : c.zh)).join(',');
  const rows = issues.map((i) => COLUMNS.map((c) => csvCell(c.get(i))).join(','));
  return `\ufeff${[head, ...rows].join('\r\n')}\r\n`;
}

/**
 * The wall-clock time an ISO string states, as a Date whose UTC fields hold it: spreadsheet dates have no zone, so
 * 2026-05-03T09:30+08:00 must show 09:30, not the UTC 01:30.
 */
export function wallClock(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.exec(iso);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  return new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0)));
}

export async function toXlsx(issues: readonly Issue[], lang: 'zh-CN' | 'en' = 'zh-CN'): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Linli';
  const ws = wb.addWorksheet(lang === 'en' ? 'Issues' : '事项');
  ws.columns = COLUMNS.map((c) => ({
    header: lang === 'en' ? c.en : c.zh,
    key: c.en,
    width: c.date ? 18 : c.en === 'Description' ? 50 : 16,
    ...(c.date ? { style: { numFmt: 'yyyy-mm-dd hh:mm' } } : {}),
  }));
  for (const i of issues) {
    ws.addRow(COLUMNS.map((c) => (c.date ? (c.get(i) ? wallClock(c.get(i)) : null) : c.get(i))));
  }
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const buffer = await wb.xlsx.writeBuffer();
  return buffer as ArrayBuffer;
}

export const BACKUP_FORMAT = 'linli-extension-backup';

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: 1;
  exportedAt: string;
  issues: Issue[];
  recipes: Recipe[];
}

export async function backup(db: LinliDb, now = new Date()): Promise<Backup> {
  return db.transaction('r', [...db.store, db.recipes], async (tx) => ({
    format: BACKUP_FORMAT,
    version: 1 as const,
    exportedAt: now.toISOString(),
    issues: await (await Snapshot.open(storeTables(tx))).all(),
    recipes: await tx.table('recipes').toArray(),
  }));
}

const Envelope = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  exportedAt: z.string().optional(),
  issues: z.array(z.unknown()),
  recipes: z.array(z.unknown()).default([]),
});

export interface Skipped {
  kind: 'issue' | 'recipe';
  /** Position in the file (1-based) and id, when it has one. */
  index: number;
  id?: string;
  reason: string;
}

export interface RestoreReport {
  issues: number;
  recipes: number;
  skipped: Skipped[];
}

export class BackupError extends Error {}

function reasonOf(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'invalid';
  return `${first.path.join('.') || '(record)'}: ${first.message}`;
}

function idOf(value: unknown): string | undefined {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : undefined;
}

/**
 * Restores a backup file's text. Throws BackupError (and changes nothing) when the file is not a Linli backup;
 * otherwise every valid record is written in one transaction and the rest are reported.
 */
export async function restore(db: LinliDb, text: string): Promise<RestoreReport> {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    throw new BackupError(`not JSON: ${(error as Error).message}`);
  }
  const envelope = Envelope.safeParse(json);
  if (!envelope.success) throw new BackupError(`not a Linli backup — ${reasonOf(envelope.error)}`);
  const skipped: Skipped[] = [];
  const issues: Issue[] = [];
  envelope.data.issues.forEach((raw, i) => {
    const r = Issue.safeParse(raw);
    if (r.success) issues.push(r.data);
    else skipped.push({ kind: 'issue', index: i + 1, id: idOf(raw), reason: reasonOf(r.error) });
  });
  const recipes: Recipe[] = [];
  envelope.data.recipes.forEach((raw, i) => {
    const r = Recipe.safeParse(raw);
    if (r.success) recipes.push(r.data);
    else skipped.push({ kind: 'recipe', index: i + 1, id: idOf(raw), reason: reasonOf(r.error) });
  });
  await writeLibrary(
    db,
    async (w) => {
      await w.write({ put: issues });
      await w.tx.table('recipes').bulkPut(recipes);
    },
    [db.recipes],
  );
  return { issues: issues.length, recipes: recipes.length, skipped };
}
