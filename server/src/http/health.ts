import type { ServerResponse } from 'node:http';
import type { GraphStore } from '../store/port';

/**
 * /healthz: the process is up and serving. /readyz: the store answers (Neo4j reachable) with its
 * data loaded (at least one chain), within two seconds; 503 while shutting down.
 */
export function healthz(res: ServerResponse): void {
  json(res, 200, { status: 'ok' });
}

export async function readyz(res: ServerResponse, store: GraphStore, stopping: boolean): Promise<void> {
  if (stopping) return json(res, 503, { status: 'stopping' });
  let timer: NodeJS.Timeout | undefined;
  try {
    const chains = await Promise.race([
      store.chains(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('the store did not answer within 2 s')), 2000);
      }),
    ]);
    if (chains.length === 0) return json(res, 503, { status: 'empty', reason: 'the store holds no chain yet' });
    json(res, 200, { status: 'ready', chains: chains.length });
  } catch (e) {
    json(res, 503, { status: 'unavailable', reason: (e as Error).message });
  } finally {
    clearTimeout(timer);
  }
}

function json(res: ServerResponse, status: number, body: object): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(JSON.stringify(body));
}
