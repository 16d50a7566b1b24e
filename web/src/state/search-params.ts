import { useCallback, useMemo } from 'react';
import { useLocation } from 'wouter';
import { useSearch } from 'wouter/use-browser-location';

/**
 * The URL's search parameters, read exactly, and a way to change them. wouter's own
 * useSearchParams passes the search through decodeURI before parsing it: an escaped percent sign
 * (%25) then escapes what follows it, and a value holding "%2C" comes back with a comma. A change
 * sees the URL as it is when it is made, not as the last render saw it.
 */
export function useExactSearchParams() {
  const [location, navigate] = useLocation();
  const search = useSearch();
  const params = useMemo(() => new URLSearchParams(search), [search]);
  const setParams = useCallback(
    (next: (now: URLSearchParams) => URLSearchParams, options?: { replace?: boolean }) => {
      const query = next(new URLSearchParams(window.location.search)).toString();
      navigate(location + (query ? `?${query}` : ''), options);
    },
    [location, navigate],
  );
  return [params, setParams] as const;
}
