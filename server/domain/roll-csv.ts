/**
 * Voter roll CSV as 居委会 staff actually produce it: exported from Excel or WPS (UTF-8, often with a BOM),
 * headers in Chinese or English, fields quoted or not, and a Chinese comma (，) typed by an IME now and then.
 * Every problem names the physical line and the column as the file's header spells it.
 */
import { decodeUtf8OrGb18030, parseHundredths } from '@linli/core';
import type { RollUnitInput } from '../store/types';
import { DomainError } from './service';

type Column = 'unit' | 'name' | 'area' | 'count';

const HEADER_ALIASES: Record<Column, readonly string[]> = {
  unit: ['房号', '户号', '房间号', '门牌号', '单元', 'unit', 'room'],
  name: ['姓名', '业主', '业主姓名', 'name', 'owner'],
  area: ['面积', '建筑面积', '专有面积', '面积(m²)', '面积（m²）', '面积(㎡)', '面积（㎡）', 'area'],
  count: ['人数', '业主人数', 'count', 'headcount', 'owners'],
};

const MAX_ROWS = 100_000;

interface Row {
  line: number;
  fields: string[];
}

function fail(line: number, message: string, column?: string): never {
  throw new DomainError('invalid', `line ${line}: ${message}`, {
    field: column ?? `line ${line}`,
    issues: [{ path: column ? `line ${line}.${column}` : `line ${line}`, message }],
  });
}

/** Splits CSV text into rows of fields, remembering the line each row starts on. */
export function parseCsvRows(text: string): Row[] {
  const rows: Row[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let fieldStarted = false;
  const endField = () => {
    fields.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRow = () => {
    endField();
    if (fields.some((f) => f.trim() !== '')) rows.push({ line: rowLine, fields });
    fields = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (ch === ',' || ch === '，' || ch === '\t') endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      if (ch !== ' ' || fieldStarted) fieldStarted = true;
      field += ch;
    }
  }
  if (quoted) fail(rowLine, 'a quoted field is not closed (missing ")');
  endRow();
  return rows;
}

function headerColumns(header: Row): Map<Column, { index: number; label: string }> {
  const columns = new Map<Column, { index: number; label: string }>();
  header.fields.forEach((raw, index) => {
    const label = raw.trim();
    const key = label.toLowerCase().replace(/\s+/g, '');
    for (const [column, aliases] of Object.entries(HEADER_ALIASES) as Array<[Column, readonly string[]]>) {
      if (!aliases.some((a) => a.toLowerCase() === key)) continue;
      if (columns.has(column)) fail(header.line, `column "${label}" repeats "${columns.get(column)!.label}"`, label);
      columns.set(column, { index, label });
    }
  });
  for (const required of ['unit', 'area'] as const) {
    if (!columns.has(required)) {
      const expected = required === 'unit' ? '房号 (unit)' : '面积 (area)';
      fail(header.line, `the header has no ${expected} column (expected 房号,姓名,面积,人数 or unit,name,area,count)`);
    }
  }
  return columns;
}

const NOT_TEXT = 'the file is not UTF-8 or GBK text: save the roll from Excel or WPS as CSV (CSV UTF-8 if offered)';

/**
 * Decodes the bytes of a roll file. Excel and WPS on Chinese Windows save "CSV" in GBK unless told otherwise, so
 * a file that is not valid UTF-8 is read as GB18030 (a superset of GBK); reading it as UTF-8 would only garble the
 * header and blame a missing 房号 column. Neither decoding cleanly means the file is not text at all.
 */
export function decodeRollBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    throw new DomainError('invalid', 'the file is an Excel workbook (.xlsx), not CSV: save it as CSV first', {
      field: '(file)',
    });
  }
  // NUL never occurs in a text roll; it does in UTF-16 and binary files, which both decoders would pass.
  const text = decodeUtf8OrGb18030(bytes, (t) => !t.includes('\u0000'));
  if (text === undefined) throw new DomainError('invalid', NOT_TEXT, { field: '(file)' });
  return text;
}

/** Parses a roll; throws DomainError invalid naming `line N` and the column for the first problem. */
export function parseRollCsv(input: string): RollUnitInput[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows = parseCsvRows(text);
  const header = rows[0];
  if (!header)
    throw new DomainError('invalid', 'the roll is empty: expected a header row 房号,姓名,面积,人数', {
      field: 'line 1',
    });
  if (rows.length - 1 > MAX_ROWS) fail(rows[MAX_ROWS + 1]!.line, `a roll holds at most ${MAX_ROWS} units`);
  const columns = headerColumns(header);
  const seen = new Map<string, number>();
  const units: RollUnitInput[] = [];
  for (const row of rows.slice(1)) {
    const cell = (column: Column) => {
      const c = columns.get(column);
      return c ? (row.fields[c.index] ?? '').trim() : undefined;
    };
    const label = (column: Column) => columns.get(column)!.label;
    if (row.fields.length > header.fields.length && row.fields.slice(header.fields.length).some((f) => f.trim())) {
      fail(
        row.line,
        `${row.fields.length} fields but the header has ${header.fields.length} (a comma inside a value needs quotes)`,
      );
    }
    const unit = cell('unit')!;
    if (!unit) fail(row.line, `${label('unit')} is empty`, label('unit'));
    if (unit.length > 40)
      fail(row.line, `${label('unit')} "${unit.slice(0, 40)}…" is longer than 40 characters`, label('unit'));
    const earlier = seen.get(unit);
    if (earlier !== undefined)
      fail(row.line, `${label('unit')} "${unit}" is already listed on line ${earlier}`, label('unit'));
    seen.set(unit, row.line);
    const areaText = cell('area')!;
    const area = parseHundredths(areaText.replace(/\s*(㎡|m²|m2|平方米|平米)$/i, ''));
    if (area === null || area === 0n) {
      fail(
        row.line,
        `${label('area')} "${areaText}" is not an area in m² (a positive number with at most two decimals, e.g. 86.20)`,
        label('area'),
      );
    }
    const countText = cell('count');
    let headcount = 1;
    if (countText !== undefined) {
      if (!/^\d{1,4}$/.test(countText) || Number(countText) < 1) {
        fail(row.line, `${label('count')} "${countText}" is not a whole number of owners (1 or more)`, label('count'));
      }
      headcount = Number(countText);
    }
    const name = cell('name') ?? '';
    if (name.length > 100) fail(row.line, `${label('name')} is longer than 100 characters`, label('name'));
    units.push({ unit, name, areaHundredths: area, headcount });
  }
  if (units.length === 0) throw new DomainError('invalid', 'the roll has a header but no units', { field: 'line 2' });
  return units;
}
