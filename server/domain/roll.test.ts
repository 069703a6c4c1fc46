import { afterEach, describe, expect, it } from 'vitest';
import { renderCodeSheet, voteUrl } from './code-sheet';
import { generateCode, normalizeCode } from './codes';
import type { Linli } from './linli';
import { parseCsvRows, parseRollCsv } from './roll-csv';
import { DomainError } from './service';
import { ROLL_CSV, type TempDb, tempDb, yesnoConsultation } from './test-helpers';

function csvError(text: string): DomainError {
  try {
    parseRollCsv(text);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('invalid');
    return error as DomainError;
  }
  throw new Error('expected the roll to be refused');
}

describe('roll CSV', () => {
  it('reads Chinese or English headers, BOM, quotes, Chinese commas, CRLF and blank lines', () => {
    expect(parseRollCsv(ROLL_CSV).map((u) => [u.unit, u.areaHundredths, u.headcount])).toEqual([
      ['101', 8620n, 1],
      ['102', 7245n, 1],
      ['201', 5830n, 2],
      ['202', 12175n, 1],
    ]);
    const english = parseRollCsv('unit,name,area,count\r\n"3-101","Wang, Jun",86.2㎡,1\r\n\r\n3-102，李*，72，2\r\n');
    expect(english).toEqual([
      { unit: '3-101', name: 'Wang, Jun', areaHundredths: 8620n, headcount: 1 },
      { unit: '3-102', name: '李*', areaHundredths: 7200n, headcount: 2 },
    ]);
    expect(parseCsvRows('a,"b\nc",d\ne,f,g').map((r) => r.line)).toEqual([1, 3]);
  });

  it('names the line and the column of the first problem', () => {
    const area = csvError('房号,姓名,面积,人数\n101,王*,86.20,1\n102,李*,12.345,1\n');
    expect(area.message).toBe(
      'line 3: 面积 "12.345" is not an area in m² (a positive number with at most two decimals, e.g. 86.20)',
    );
    expect(area.field).toBe('面积');
    expect(csvError('房号,姓名,面积,人数\n101,王*,86.20,1\n\n101,李*,72.00,1\n').message).toBe(
      'line 4: 房号 "101" is already listed on line 2',
    );
    expect(csvError('unit,name,area,count\n101,a,50,0\n').message).toContain('line 2: count "0"');
    expect(csvError('unit,name,area,count\n,a,50,1\n').message).toBe('line 2: unit is empty');
    expect(csvError('unit,name,area,count\n101,a,50,1,extra\n').message).toContain('line 2: 5 fields');
    expect(csvError('房号,姓名,人数\n101,a,1\n').message).toContain('line 1: the header has no 面积');
    expect(csvError('房号,姓名,面积\n101,"a,50\n').message).toContain('line 2: a quoted field is not closed');
    expect(csvError('').message).toContain('empty');
  });
});

describe('roll import and codes', () => {
  let db: TempDb;
  let service: Linli;
  afterEach(async () => {
    await service.close();
    db.cleanup();
  });

  it('imports all or nothing, sets the electorate, and refuses re-import once ballots exist', async () => {
    db = tempDb();
    service = await db.open();
    await service.createConsultation(yesnoConsultation('vote-a'));
    await expect(service.importRoll('vote-a', '房号,姓名,面积,人数\n101,a,50,1\n102,b,x,1\n')).rejects.toThrow(
      'line 3',
    );
    expect((await service.getConsultation('vote-a')).electorate).toBeUndefined();
    expect(await service.importRoll('vote-a', ROLL_CSV)).toEqual({ units: 4, totalArea: '338.70', totalCount: 5 });
    expect((await service.getConsultation('vote-a')).electorate).toEqual({ units: 4, area: '338.70', count: 5 });
    const codes = await service.issueCodes('vote-a');
    // Re-import before voting keeps the codes of units that stay.
    await service.importRoll('vote-a', '房号,姓名,面积,人数\n101,王*,90.00,1\n');
    await service.castBallot('vote-a', { choices: ['yes'], code: codes[0]!.code });
    await expect(service.issueCodes('vote-a')).resolves.toEqual([]);
    const error = await service.importRoll('vote-a', ROLL_CSV).catch((e: DomainError) => e);
    expect(error).toMatchObject({ code: 'conflict' });
    expect((error as DomainError).message).toContain('ballot(s) have been cast');
  });

  it('generates unambiguous codes and a printable, escaped sheet', async () => {
    for (let i = 0; i < 50; i++) {
      const code = generateCode();
      expect(code).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
      expect(normalizeCode(` ${code.toLowerCase().replace('-', '－')} `)).toBe(code.replace('-', ''));
    }
    const html = await renderCodeSheet({
      slug: 'elevator-3',
      title: '<script>alert(1)</script>',
      community: '和平里',
      publicUrl: 'https://linli.example.org/',
      codes: [{ unit: '101"><b>', code: 'ABCD-2345' }],
    });
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('101&quot;&gt;&lt;b&gt;');
    expect(html).toContain('<svg');
    expect(html).toContain('size: A4');
    expect(voteUrl('https://linli.example.org/', 'elevator-3', 'ABCD-2345')).toBe(
      'https://linli.example.org/vote/elevator-3?code=ABCD-2345',
    );
    db = tempDb();
    service = await db.open();
  });
});
