import { FONT_FAMILY } from './style';

/**
 * A picture of a graph ready for a meeting: one A4 landscape sheet at 200 dpi with a header band
 * (title, chain, date, data source, the "内部资料" mark) and the legend over the picture. PNG, or
 * PDF (the same sheet as a JPEG on an A4 landscape page, printed at its size).
 */
export interface SheetLegendItem {
  label: string;
  /** box: a card (fill, stroke, dash); chip: a firm's chip; dot: a node; arrow: a link. */
  shape: 'box' | 'chip' | 'dot' | 'arrow';
  fill?: string;
  stroke: string;
  dash?: readonly number[];
  /** Text drawn on the swatch (a chip's ★). */
  text?: string;
  textColor?: string;
}

export interface Sheet {
  title: string;
  /** "产业链：新能源汽车", or what else the picture is of. */
  subject: string;
  /** "导出日期：2026-12-07". */
  date: string;
  /** "数据来源：…". */
  source: string;
  /** "内部资料". */
  mark: string;
  legend: readonly SheetLegendItem[];
}

/** A4 landscape at 200 dots an inch. */
export const SHEET = { width: 2339, height: 1654, dpi: 200, margin: 48, header: 214 } as const;

/** Where the picture of the graph goes on the sheet. */
export const SHEET_MAP_AREA = {
  x: SHEET.margin,
  y: SHEET.margin + SHEET.header,
  width: SHEET.width - 2 * SHEET.margin,
  height: SHEET.height - 2 * SHEET.margin - SHEET.header,
} as const;

/**
 * The zoom of a screen (CSS pixels at 96 an inch) that shows text as large as the sheet prints it
 * when a graph pixel is `scale` sheet pixels: the same rules of what is large enough to read hold
 * for the sheet as on the screen.
 */
export const screenZoomOfSheet = (scale: number) => ((scale * 96) / SHEET.dpi) * PAPER_ALLOWANCE;

/** How large text of `px` graph pixels prints, in points, when a graph pixel is `scale` sheet pixels. */
export const printedPt = (px: number, scale: number) => (px * scale * 72) / SHEET.dpi;

/**
 * Paper is read from nearer than a screen: text drawn at 9 px or more on a screen (6.75 pt) is
 * drawn on the sheet from 8 px (6 pt) on.
 */
const PAPER_ALLOWANCE = 9 / 8;

const font = (px: number, weight = 'normal') => `${weight} ${px}px ${FONT_FAMILY}`;

function drawSwatch(g: CanvasRenderingContext2D, item: SheetLegendItem, x: number, y: number): number {
  g.save();
  g.lineWidth = 3;
  g.strokeStyle = item.stroke;
  g.fillStyle = item.fill ?? '#ffffff';
  g.setLineDash(item.dash ? [...item.dash] : []);
  let width = 0;
  if (item.shape === 'arrow') {
    width = 56;
    g.beginPath();
    g.moveTo(x, y);
    g.lineTo(x + width - 12, y);
    g.stroke();
    g.setLineDash([]);
    g.beginPath();
    g.moveTo(x + width, y);
    g.lineTo(x + width - 14, y - 8);
    g.lineTo(x + width - 14, y + 8);
    g.closePath();
    g.fillStyle = item.stroke;
    g.fill();
  } else if (item.shape === 'dot') {
    width = 28;
    g.beginPath();
    g.arc(x + 14, y, 12, 0, 2 * Math.PI);
    g.fill();
    g.stroke();
  } else {
    width = item.shape === 'chip' ? 64 : 56;
    const h = item.shape === 'chip' ? 26 : 32;
    g.beginPath();
    g.roundRect(x, y - h / 2, width, h, 6);
    g.fill();
    g.stroke();
    if (item.text) {
      g.fillStyle = item.textColor ?? '#212529';
      g.font = font(20, 'bold');
      g.textAlign = 'center';
      g.textBaseline = 'middle';
      g.fillText(item.text, x + width / 2, y + 1);
    }
  }
  g.restore();
  return width;
}

/**
 * Draws the sheet: the header, the legend, and `map` (the graph's picture, drawn at its own size,
 * centred in SHEET_MAP_AREA).
 */
export function drawSheet(map: CanvasImageSource & { width: number; height: number }, sheet: Sheet): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = SHEET.width;
  canvas.height = SHEET.height;
  const g = canvas.getContext('2d');
  if (!g) return canvas;
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, SHEET.width, SHEET.height);
  const left = SHEET.margin;
  const right = SHEET.width - SHEET.margin;
  // the mark, top right, in a red frame
  g.font = font(40, 'bold');
  const markWidth = g.measureText(sheet.mark).width + 36;
  g.strokeStyle = '#c92a2a';
  g.lineWidth = 4;
  g.strokeRect(right - markWidth, SHEET.margin, markWidth, 60);
  g.fillStyle = '#c92a2a';
  g.textBaseline = 'middle';
  g.textAlign = 'center';
  g.fillText(sheet.mark, right - markWidth / 2, SHEET.margin + 31);
  // title, then what it is of, the date and the source
  g.textAlign = 'left';
  g.textBaseline = 'alphabetic';
  g.fillStyle = '#212529';
  g.font = font(50, 'bold');
  g.fillText(sheet.title, left, SHEET.margin + 50, right - markWidth - left - 40);
  g.font = font(26);
  g.fillStyle = '#495057';
  g.fillText(
    [sheet.subject, sheet.date, sheet.source].filter(Boolean).join('　·　'),
    left,
    SHEET.margin + 96,
    right - left,
  );
  // the legend, in a row (wrapping) under it
  let x = left;
  let y = SHEET.margin + 140;
  g.font = font(24);
  for (const item of sheet.legend) {
    const labelWidth = g.measureText(item.label).width;
    const swatch = item.shape === 'dot' ? 28 : item.shape === 'chip' ? 64 : 56;
    if (x + swatch + 10 + labelWidth > right) {
      x = left;
      y += 36;
    }
    drawSwatch(g, item, x, y);
    g.fillStyle = '#343a40';
    g.font = font(24);
    g.textBaseline = 'middle';
    g.fillText(item.label, x + swatch + 10, y + 1);
    x += swatch + 10 + labelWidth + 36;
  }
  g.strokeStyle = '#dee2e6';
  g.lineWidth = 2;
  g.beginPath();
  g.moveTo(left, SHEET.margin + SHEET.header - 10);
  g.lineTo(right, SHEET.margin + SHEET.header - 10);
  g.stroke();
  // the picture, centred in what is left
  const area = SHEET_MAP_AREA;
  const fit = Math.min(1, area.width / map.width, area.height / map.height);
  const w = map.width * fit;
  const h = map.height * fit;
  g.drawImage(map, area.x + (area.width - w) / 2, area.y + (area.height - h) / 2, w, h);
  // the mark again, small, at the foot (a page torn off keeps it)
  g.font = font(22);
  g.fillStyle = '#868e96';
  g.textAlign = 'right';
  g.textBaseline = 'alphabetic';
  g.fillText(`${sheet.mark} · ${sheet.date}`, right, SHEET.height - 16);
  return canvas;
}

const toBlob = (canvas: HTMLCanvasElement, type: string, quality?: number) =>
  new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error(`could not encode ${type}`))), type, quality),
  );

/**
 * A one-page PDF, A4 landscape, with the JPEG `jpeg` (of `width`×`height` pixels) filling the page
 * (PDF 1.4: a DCT-encoded image XObject drawn by the page's content).
 */
export function pdfOfJpeg(jpeg: Uint8Array, width: number, height: number, title: string): Blob {
  const pageW = 841.89;
  const pageH = 595.28;
  const content = `q ${pageW} 0 0 ${pageH} 0 0 cm /Im0 Do Q`;
  const enc = new TextEncoder();
  // the title as UTF-16BE, so that a viewer shows the Chinese
  const utf16 = [0xfe, 0xff];
  for (const ch of title) {
    const code = ch.codePointAt(0) ?? 0x3f;
    const units = code > 0xffff ? [0xd800 + ((code - 0x10000) >> 10), 0xdc00 + ((code - 0x10000) & 0x3ff)] : [code];
    for (const u of units) utf16.push(u >> 8, u & 0xff);
  }
  const titleHex = utf16.map((b) => b.toString(16).padStart(2, '0')).join('');
  const parts: (string | Uint8Array)[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (part: string | Uint8Array) => {
    parts.push(part);
    length += typeof part === 'string' ? enc.encode(part).length : part.length;
  };
  const object = (n: number, body: string | (string | Uint8Array)[]) => {
    offsets[n] = length;
    push(`${n} 0 obj\n`);
    for (const p of Array.isArray(body) ? body : [body]) push(p);
    push('\nendobj\n');
  };
  push('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  object(
    3,
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${pageW} ${pageH}] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>`,
  );
  object(4, [
    `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`,
    jpeg,
    '\nendstream',
  ]);
  object(5, `<< /Length ${enc.encode(content).length} >>\nstream\n${content}\nendstream`);
  object(6, `<< /Title <${titleHex}> /Producer (Chain Atlas) >>`);
  const xref = length;
  push(`xref\n0 7\n0000000000 65535 f \n`);
  for (let n = 1; n <= 6; n++) push(`${String(offsets[n]).padStart(10, '0')} 00000 n \n`);
  push(`trailer\n<< /Size 7 /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return new Blob(parts.map((p) => (typeof p === 'string' ? enc.encode(p) : p)) as BlobPart[], {
    type: 'application/pdf',
  });
}

/** The sheet as a file: PNG, or a PDF of one A4 landscape page. */
export async function sheetFile(canvas: HTMLCanvasElement, format: 'png' | 'pdf', title: string): Promise<Blob> {
  if (format === 'png') return toBlob(canvas, 'image/png');
  const jpeg = new Uint8Array(await (await toBlob(canvas, 'image/jpeg', 0.92)).arrayBuffer());
  return pdfOfJpeg(jpeg, canvas.width, canvas.height, title);
}
