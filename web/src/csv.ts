/**
 * CSV that Excel opens correctly with Chinese text: UTF-8 with a byte-order mark, CRLF line ends,
 * RFC 4180 quoting, and text cells that Excel would read as a formula neutralised.
 */

/** A cell: text, a number (written as is, unformatted), or nothing (an empty cell). */
export type CsvCell = string | number | null | undefined;

/** The byte-order mark that tells Excel the file is UTF-8 (without it, Chinese turns to mojibake). */
export const BOM = '\uFEFF';

/** Text Excel (and LibreOffice, Google Sheets) would evaluate: = + - @, and tab or CR before them. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Characters that oblige a field to be quoted (RFC 4180: comma, double quote, line breaks). */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One field. Text that starts like a formula gets a leading ' (shown as text, never run); numbers
 * are not guarded (a negative number is a number) and not formatted; NaN, ±Infinity and nothing
 * are empty.
 */
export function csvField(cell: CsvCell): string {
  if (cell == null) return '';
  let text: string;
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return '';
    text = String(cell);
  } else {
    text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  }
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The text of a CSV file: BOM, then each row's fields joined by commas, each row ended by CRLF. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return BOM + rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

/** A file name without the characters Windows or macOS refuse (\ / : * ? " < > |, control characters). */
export function safeFileName(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim() || 'export.csv';
}

/** Saves `text` as a CSV file named `fileName` (a Blob, and a click on a temporary <a download>). */
export function downloadCsv(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = safeFileName(fileName);
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers start reading the Blob only after the click has returned.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
