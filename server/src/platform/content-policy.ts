import { createHash } from 'node:crypto';

/**
 * The Content-Security-Policy of the web app: its own scripts only (no inline script, no eval),
 * styles from itself (React and Cytoscape set element styles from script, which a policy does not
 * govern, and the layout worker is a file of its own or, in development, a blob), images it draws
 * (PNG export: data and blob URLs), requests to itself only, never framed.
 */
const WEB_DIRECTIVES: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
};
export const WEB_CSP = policy(WEB_DIRECTIVES);

/**
 * The policy of the GraphiQL page, which the server renders with its scripts inline (GraphiQL is
 * served from here, not a CDN): those scripts by their SHA-256 and nothing else inline; GraphiQL's
 * editor workers start from blobs. Kept for the last page rendered (the same on every request).
 */
let lastPage: { html: string; csp: string } | undefined;
export function graphiqlCsp(html: string): string {
  if (lastPage?.html === html) return lastPage.csp;
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (m) =>
      `'sha256-${createHash('sha256')
        .update(m[1] ?? '', 'utf8')
        .digest('base64')}'`,
  );
  const csp = policy({ ...WEB_DIRECTIVES, 'script-src': ["'self'", ...hashes] });
  lastPage = { html, csp };
  return csp;
}

function policy(directives: Record<string, string[]>): string {
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}
