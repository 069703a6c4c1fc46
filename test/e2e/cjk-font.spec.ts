import { expect, test } from '@playwright/test';

/**
 * Screenshots a reviewer reads must show Chinese, not a box per character: Chromium needs a CJK font on the
 * machine (scripts/ensure-system.mjs installs fonts-noto-cjk with it). Without one, 邻 and 里 both draw as the
 * same missing-glyph box, identical to a code point no font has.
 */
test('Chinese characters render as distinct glyphs, not as missing-glyph boxes', async ({ page }) => {
  await page.setContent('<!doctype html><meta charset="utf-8"><canvas width="64" height="64"></canvas>');
  const pixels = await page.evaluate(() => {
    const canvas = document.querySelector('canvas')!;
    const ctx = canvas.getContext('2d')!;
    const draw = (text: string) => {
      ctx.clearRect(0, 0, 64, 64);
      ctx.font = '48px sans-serif';
      ctx.fillText(text, 4, 52);
      return Array.from(ctx.getImageData(0, 0, 64, 64).data.filter((_, i) => i % 4 === 3)).join(',');
    };
    return { lin: draw('邻'), li: draw('里'), missing: draw('\u{10FFFD}'), blank: draw(' ') };
  });
  expect(pixels.lin).not.toBe(pixels.blank);
  expect(pixels.lin).not.toBe(pixels.li);
  expect(pixels.lin).not.toBe(pixels.missing);
  expect(pixels.li).not.toBe(pixels.missing);
});
