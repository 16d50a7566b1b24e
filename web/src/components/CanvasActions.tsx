import type { RefObject } from 'react';
import type { CanvasHandle } from '../graph/Canvas';
import { downloadBlob } from '../graph/download';
import { useT } from '../i18n/useT';

/** The buttons every graph view has: fit the drawing to the view, and save it as a PNG named `fileName`. */
export function CanvasActions({ canvas, fileName }: { canvas: RefObject<CanvasHandle | null>; fileName: string }) {
  const { t } = useT();
  return (
    <>
      <button type="button" className="button" onClick={() => canvas.current?.fit()}>
        {t('action.fit')}
      </button>
      <button
        type="button"
        className="button"
        data-testid="export-png"
        onClick={() => canvas.current && downloadBlob(canvas.current.png(), fileName)}
      >
        {t('action.exportPng')}
      </button>
    </>
  );
}
