import { useEffect } from 'react';
import { useT } from './useT';

/**
 * The page's title (the browser's tab, its history and bookmarks) for the view shown: what it
 * shows, most particular first, then the app's name, in the page's language —
 * "商贸物流 · 产业链全景图 · 链图". Empty parts are left out.
 */
export function useTitle(...parts: (string | null | undefined | false)[]) {
  const { t } = useT();
  const title = [...parts.filter((p): p is string => !!p), t('app.name')].join(' · ');
  useEffect(() => {
    document.title = title;
  }, [title]);
}
