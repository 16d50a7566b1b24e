import { describe, expect, it } from 'vitest';
import { pdfOfJpeg, printedPt, SHEET, SHEET_MAP_AREA, screenZoomOfSheet } from '../src/graph/sheet';

describe('the sheet for a meeting', () => {
  it('is A4 landscape at 200 dpi, the picture under the header', () => {
    expect(SHEET.width / SHEET.dpi).toBeCloseTo(297 / 25.4, 1);
    expect(SHEET.height / SHEET.dpi).toBeCloseTo(210 / 25.4, 1);
    expect(SHEET_MAP_AREA.y + SHEET_MAP_AREA.height).toBe(SHEET.height - SHEET.margin);
  });

  it('prints text as large as a screen shows it at the zoom it draws by (6 pt for 8 px)', () => {
    // a graph pixel as two sheet pixels prints 17 px text at 12.24 pt
    expect(printedPt(17, 2)).toBeCloseTo(12.24, 2);
    // text that prints at 6 pt is drawn as a screen draws 9 px
    const scale = (6 / 72) * SHEET.dpi; // sheet pixels for a 1 px font at 6 pt
    expect(screenZoomOfSheet(scale) * 1).toBeCloseTo(9, 5);
  });

  it('writes a one-page PDF whose cross-reference table points at each object', async () => {
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xd9]);
    const pdf = new Uint8Array(await pdfOfJpeg(jpeg, 4, 3, '全景图').arrayBuffer());
    const text = Buffer.from(pdf).toString('latin1');
    expect(text.startsWith('%PDF-1.4')).toBe(true);
    expect(text).toContain('/MediaBox [0 0 841.89 595.28]');
    expect(text).toContain('/Width 4 /Height 3');
    const xref = Number(/startxref\n(\d+)/.exec(text)?.[1]);
    expect(text.slice(xref, xref + 4)).toBe('xref');
    const offsets = [...text.slice(xref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets).toHaveLength(6);
    expect(offsets.map((at) => text.slice(at, at + 8))).toEqual([1, 2, 3, 4, 5, 6].map((n) => `${n} 0 obj\n`));
    // the title in UTF-16BE, so that a reader shows the Chinese
    expect(text).toContain('/Title <feff5168666f56fe>');
  });
});
