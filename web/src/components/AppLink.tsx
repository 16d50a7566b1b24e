import type { AnchorHTMLAttributes, ReactNode } from 'react';
import { Link, useSearchParams } from 'wouter';

/** The search string of `params` with the page's language kept: a link opens in the language it is read in. */
export function withLang(href: string, current: URLSearchParams): string {
  const lang = current.get('lang');
  if (!lang) return href;
  const [path, query = ''] = href.split('?');
  const params = new URLSearchParams(query);
  params.set('lang', lang);
  return `${path}?${params}`;
}

/** An in-app link (history navigation, no reload) that keeps the language. */
export function AppLink({
  href,
  children,
  ...rest
}: Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & {
  href: string;
  children: ReactNode;
  'data-testid'?: string;
}) {
  const [params] = useSearchParams();
  return (
    <Link href={withLang(href, params)} {...rest}>
      {children}
    </Link>
  );
}
