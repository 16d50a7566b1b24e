import { useCallback } from 'react';
import { useSearchParams } from 'wouter';
import { type Lang, type MessageKey, translate } from './messages';

/**
 * The language of the page, from the URL (`?lang=en`; Chinese without it, so that a shared link
 * opens in the language it was shared in), and the function that translates.
 */
export function useT() {
  const [params, setParams] = useSearchParams();
  const lang: Lang = params.get('lang') === 'en' ? 'en' : 'zh';
  const t = useCallback(
    (key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars),
    [lang],
  );
  /** Items joined with the language's list mark (、 or a comma; ；or a semicolon when long). */
  const list = useCallback(
    (items: readonly string[], long = false) => items.join(translate(lang, long ? 'punct.listLong' : 'punct.list')),
    [lang],
  );
  const setLang = useCallback(
    (next: Lang) =>
      setParams(
        (prev) => {
          const p = new URLSearchParams(prev);
          if (next === 'zh') p.delete('lang');
          else p.set('lang', next);
          return p;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { lang, t, list, setLang };
}

export type T = ReturnType<typeof useT>['t'];
