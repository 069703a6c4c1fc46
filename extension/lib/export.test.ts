import 'fake-indexeddb/auto';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { BackupError, backup, restore, toCsv, toXlsx } from './export';
import { countIssues, queryLibrary, saveIssues } from './library';
import { freshDb, issue } from './test-helpers';

describe('export and backup', () => {
  it('CSV starts with the UTF-8 byte-order mark Excel and WPS need, and quotes what must be quoted', () => {
    const csv = toCsv([
      issue({ title: '楼道"漏水", 严重', description: '=HYPERLINK("x")', reporter: { phone: '138****5678' } }),
    ]);
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [head, row] = csv.slice(1).split('\r\n');
    expect(head!.startsWith('标题,状态,分类,描述')).toBe(true);
    expect(row).toContain('"楼道""漏水"", 严重"');
    expect(row).toContain(`"'=HYPERLINK(""x"")"`); // a formula would run in Excel: kept as text
    expect(row).toContain('138****5678');
  });

  it('XLSX holds the reported time as a real date cell showing the page’s own clock time', async () => {
    const buf = await toXlsx([issue({ title: '漏水', reportedAt: '2026-05-03T09:30:00+08:00' })]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).indexOf('反映时间');
    const cell = ws.getRow(2).getCell(header);
    expect(cell.type).toBe(ExcelJS.ValueType.Date);
    expect((cell.value as Date).toISOString()).toBe('2026-05-03T09:30:00.000Z');
    expect(cell.numFmt).toBe('yyyy-mm-dd hh:mm');
  });

  it('a backup restores into an empty library; broken records are skipped with their reason', async () => {
    const from = freshDb();
    await saveIssues(from, [issue({ id: 'k1', title: '甲' }), issue({ id: 'k2', title: '乙' })]);
    await from.recipes.put({ id: 'r1', name: 'Portal', match: ['https://p/*'], fields: { title: 'h1' } });
    const file = await backup(from);
    (file.issues as unknown[]).push({ id: 'broken', title: '' });
    const to = freshDb();
    const report = await restore(to, JSON.stringify(file));
    expect(report).toMatchObject({ issues: 2, recipes: 1 });
    expect(report.skipped).toEqual([
      { kind: 'issue', index: 3, id: 'broken', reason: expect.stringContaining('title') },
    ]);
    expect(await countIssues(to)).toBe(2);
    expect((await queryLibrary(to, { text: '乙' })).issues.map((i) => i.id)).toEqual(['k2']);
  });

  it('a file that is not a Linli backup changes nothing', async () => {
    const db = freshDb();
    await saveIssues(db, [issue({ id: 'stay', title: '保留' })]);
    await expect(restore(db, '{"issues": []}')).rejects.toBeInstanceOf(BackupError);
    await expect(restore(db, 'not json')).rejects.toThrow(/not JSON/);
    expect((await backup(db)).issues.map((i) => i.id)).toEqual(['stay']);
  });
});
