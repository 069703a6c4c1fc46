import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MaskedPhone } from '../models/common';
import { applyRules, maskDeep, maskIdentifier, maskPhoneField, maskText, REMOVED } from './mask';

describe('maskIdentifier', () => {
  it('keeps a long numeric case number that free text would treat as a bank card', () => {
    expect(maskText('3301062605090218')).toBe(REMOVED);
    expect(maskIdentifier('3301062605090218')).toBe('3301062605090218');
  });
  it('still removes ID-card numbers and masks mobiles', () => {
    expect(maskIdentifier('310117198806152313')).toBe(REMOVED);
    expect(maskIdentifier('13812345678')).toBe('138****5678');
  });
});

describe('maskText', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['电话13764029815。', '电话137****9815。'],
    ['+86 138 1234 5678', '+86 138****5678'],
    ['+86-13812345678', '+86 138****5678'],
    ['138-1234-5678', '138****5678'],
    ['021-64871325', '021-6487****'],
    ['(021)64871325', '(021)6487****'],
    ['0571 8765 4321', '0571 8765****'],
    ['(02)2758-6199', '(02)2758****'],
    ['电话：64871325', '电话：6487****'],
    ['0912-345-678', '0912***678'],
    ['07700 900123', '07700 ***123'],
    ['(212) 555-0147', '(212) 555-****'],
    ['身份证310117198806152313号', `身份证${REMOVED}号`],
    ['31010419580312168X', REMOVED],
    ['卡号6222021234567890123', `卡号${REMOVED}`],
    ['6222 0212 3456 7890', REMOVED],
  ])('%s → %s', (input, want) => {
    expect(maskText(input)).toBe(want);
  });

  it.each([
    'XH2605280137',
    'LY2026051900873',
    'MY20260527018',
    'TL-MQ-2026-0521-006',
    '1150526-00387',
    'EBC/2026/48213',
    '2026-05-28 14:30:00',
    '2026年5月28日 14时30分',
    '2026-05-28T14:30:00+08:00',
    '市民服务热线：12345',
    '沪ICP备05028613号-2',
  ])('leaves %s alone', (text) => {
    expect(maskText(text)).toBe(text);
  });

  it('is idempotent', () => {
    const once = maskText('王女士 13812345678 / 021-64871325 / 310101199001011234');
    expect(maskText(once)).toBe(once);
  });
});

describe('maskPhoneField', () => {
  it.each(['13916527408', '021-64871325', '64871325', '+86 138 1234 5678', '0571-87654321', '(02)2758-6199'])(
    '%s passes the Issue model',
    (phone) => {
      const masked = maskPhoneField(phone);
      expect(MaskedPhone.safeParse(masked).success, masked).toBe(true);
    },
  );
  it('keeps the usual mobile mask, and a landline its area code and first digits', () => {
    expect(maskPhoneField('13916527408')).toBe('139****7408');
    expect(maskPhoneField('021-64871325')).toBe('021-6487****');
  });
});

describe('maskDeep', () => {
  it('masks every string but leaves ids and instants', () => {
    const out = maskDeep({
      id: 'c13812345678ab',
      a: ['13812345678'],
      b: { c: 'x 13812345678' },
      at: '2026-05-28T14:30:00+08:00',
    });
    expect(out).toEqual({
      id: 'c13812345678ab',
      a: ['138****5678'],
      b: { c: 'x 138****5678' },
      at: '2026-05-28T14:30:00+08:00',
    });
  });
});

describe('masking (property)', () => {
  const cjk = fc.string({
    unit: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)),
    maxLength: 12,
  });
  const ascii = fc.string({
    unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ .,:;!?()-_/'.split('')),
    maxLength: 12,
  });
  const text = fc.oneof(cjk, ascii);
  const mobile = fc
    .tuple(fc.constantFrom('3', '4', '5', '6', '7', '8', '9'), fc.stringMatching(/^\d{9}$/))
    .map(([b, rest]) => `1${b}${rest}`);
  const idCard = fc
    .record({
      region: fc.integer({ min: 110000, max: 659999 }),
      y: fc.integer({ min: 1930, max: 2020 }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 28 }),
      seq: fc.integer({ min: 0, max: 999 }),
      check: fc.constantFrom(...'0123456789X'.split('')),
    })
    .map(
      (r) =>
        `${r.region}${r.y}${String(r.m).padStart(2, '0')}${String(r.d).padStart(2, '0')}${String(r.seq).padStart(3, '0')}${r.check}`,
    );

  it('no 11-digit mobile survives inside arbitrary CJK/ASCII text', () => {
    fc.assert(
      fc.property(text, mobile, text, (before, phone, after) => {
        const out = maskText(`${before}${phone}${after}`);
        expect(out).not.toContain(phone);
        expect(/(?<!\d)1[3-9]\d{9}(?!\d)/.test(out)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('no 18-character ID survives inside arbitrary CJK/ASCII text', () => {
    fc.assert(
      fc.property(text, idCard, text, (before, id, after) => {
        const out = maskText(`${before}${id}${after}`);
        expect(out).not.toContain(id);
        expect(/\d{17}[\dX]/.test(out)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the quick scan before the masking rules', () => {
  // Pieces that make up case numbers, URLs, phones, IDs and cards, glued at random.
  const piece = fc.constantFrom(
    '1',
    '0',
    '8',
    '6',
    '9',
    '7',
    '2',
    '5',
    '13812345678',
    '8613812345678',
    '0086',
    '021',
    '(021)',
    '6487',
    '1325',
    ' ',
    '-',
    '.',
    '(',
    ')',
    '+',
    '\u3000',
    '\u00a0',
    'PD',
    'XH',
    'https://x.example.gov.cn/case/',
    '?id=',
    '电话',
    'tel',
    '：',
    '年',
    'a',
    'X',
    '110105194912310021',
    '6222021001123456789',
    '0912-345-678',
    '07700 900123',
    '(212) 555-0147',
  );
  it('never lets through a string that a rule would have changed', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), fc.boolean(), (parts, cards) => {
        const text = parts.join('');
        expect(cards ? maskText(text) : maskIdentifier(text)).toBe(applyRules(text, cards));
      }),
      { numRuns: 5000 },
    );
  });
  it('keeps case numbers and case URLs out of the rules', () => {
    expect(maskIdentifier('PD2605200001')).toBe('PD2605200001');
    expect(maskIdentifier('https://12345.example.gov.cn/case/2605200001')).toBe(
      'https://12345.example.gov.cn/case/2605200001',
    );
  });
});
