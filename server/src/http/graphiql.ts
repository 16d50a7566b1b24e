import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';

/** A browser opening /graphql: GraphiQL, as graphql-yoga decides it. */
export const wantsGraphiql = (req: IncomingMessage) =>
  req.method === 'GET' && (req.headers.accept ?? '').includes('text/html');

interface Page {
  html: Buffer;
  gzipped: Buffer;
  etag: string;
  headers: [string, string][];
}

/**
 * The GraphiQL page (9 MB: the editor and its fonts, served from here, not a CDN) rendered once
 * by graphql-yoga, then served compressed (about a fifth of its size) with an ETag: a browser that
 * has it is answered 304, and a flood of page loads costs the server little.
 */
export class GraphiqlPage {
  private page: Promise<Page> | undefined;

  constructor(private readonly yoga: { fetch: (url: string, init: RequestInit) => Response | Promise<Response> }) {}

  async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!this.page) this.page = this.render();
    const page = await this.page;
    for (const [name, value] of page.headers) res.setHeader(name, value);
    res.setHeader('etag', page.etag);
    res.setHeader('cache-control', 'public, max-age=3600, must-revalidate');
    res.setHeader('vary', 'accept, accept-encoding');
    if (req.headers['if-none-match'] === page.etag) {
      res.statusCode = 304;
      res.end();
      return;
    }
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.statusCode = 200;
    if (gzip) res.setHeader('content-encoding', 'gzip');
    const body = gzip ? page.gzipped : page.html;
    res.setHeader('content-length', body.length);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  private async render(): Promise<Page> {
    const response = await this.yoga.fetch('http://localhost/graphql', { headers: { accept: 'text/html' } });
    const html = Buffer.from(await response.arrayBuffer());
    const headers: [string, string][] = [];
    for (const name of ['content-type', 'content-security-policy']) {
      const value = response.headers.get(name);
      if (value) headers.push([name, value]);
    }
    const etag = `"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"`;
    return { html, gzipped: gzipSync(html, { level: 9 }), etag, headers };
  }
}
