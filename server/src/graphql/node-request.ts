import type { IncomingMessage } from 'node:http';

/** What the GraphQL server reads of the Node request it answers (http/app.ts passes it). */

/**
 * A request that asked for more than it got: work refused for it (analysis the workers had no room
 * for) is charged as if it had been done, so that asking again at once is not free (see
 * Context.charge).
 */
export interface Charged {
  extraChargeMs?: number;
}

/**
 * A client's address: the one the app found for the request (through a trusted proxy, the one it
 * forwarded: proxies.ts), else its socket's, an IPv4 one without the IPv6 prefix (::ffff:).
 */
export function addressOf(req: IncomingMessage & { clientAddress?: string }): string {
  if (req.clientAddress) return req.clientAddress;
  const address = req.socket.remoteAddress ?? 'unknown';
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}
