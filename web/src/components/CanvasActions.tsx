import { type RefObject, useState } from 'react';
import type { CanvasHandle } from '../graph/Canvas';
import { downloadBlob } from '../graph/download';
import type { Sheet } from '../graph/sheet';
import { useT } from '../i18n/useT';

/**
 * The buttons every graph view has: fit the drawing to the view, and save it as a PNG named
 * `fileName`. With `sheet`, the PNG is an A4 landscape sheet for a meeting (title, date, source,
 * legend, "内部资料"), and it can be saved as a PDF too.
 */
export function CanvasActions({
  canvas,
  fileName,
  sheet,
}: {
  canvas: RefObject<CanvasHandle | null>;
  fileName: string;
  /** The sheet's texts, and the elements to draw on it if not the view's (e.g. laid out for its shape). */
  sheet?: () => { sheet: Sheet; elements?: Parameters<CanvasHandle['sheet']>[2] };
}) {
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  const base = fileName.replace(/\.png$/i, '');
  const save = async (format: 'png' | 'pdf') => {
    const c = canvas.current;
    if (!c) return;
    if (!sheet) return downloadBlob(c.png(), fileName);
    setBusy(true);
    try {
      const { sheet: info, elements } = sheet();
      downloadBlob(await c.sheet(info, format, elements), `${base}.${format}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="button" onClick={() => canvas.current?.fit()}>
        {t('action.fit')}
      </button>
      {sheet ? (
        // one short group for both formats: a toolbar with every segment must stay on one row
        <fieldset className="button-group" aria-label={t('action.export')}>
          <span className="muted">{t('action.export')}</span>
          {(['png', 'pdf'] as const).map((format) => (
            <button
              key={format}
              type="button"
              className="button"
              data-testid={`export-${format}`}
              aria-label={t(format === 'png' ? 'action.exportPng' : 'action.exportPdf')}
              disabled={busy}
              onClick={() => void save(format)}
            >
              {format.toUpperCase()}
            </button>
          ))}
        </fieldset>
      ) : (
        <button type="button" className="button" data-testid="export-png" onClick={() => void save('png')}>
          {t('action.exportPng')}
        </button>
      )}
    </>
  );
}
