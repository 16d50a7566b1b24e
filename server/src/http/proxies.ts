import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/**
 * Proxies whose word on the client is taken (CHAIN_TRUSTED_PROXIES): behind a reverse proxy every
 * request comes from the proxy's address, so every user would share one address's limits, and
 * the audit log would name the proxy. A request from one of these addresses is counted by the
 * address its X-Forwarded-For header gives (the last one added by a proxy not in the list), and
 * its X-Request-Id is kept; from anyone else both headers are ignored — a client may not choose
 * the address it is counted by, nor the id its log lines and audit entries carry.
 */
export class TrustedProxies {
  private readonly addresses: ReadonlySet<string>;

  constructor(addresses: readonly string[] = []) {
    this.addresses = new Set(addresses.map(plain));
  }

  /** True when the request came straight from a trusted proxy. */
  trusts(req: IncomingMessage): boolean {
    return this.addresses.size > 0 && this.addresses.has(socketAddress(req));
  }

  /** The client's address: the socket's, or, through a trusted proxy, the one it forwarded. */
  clientOf(req: IncomingMessage): string {
    const direct = socketAddress(req);
    if (!this.trusts(req)) return direct;
    const header = req.headers['x-forwarded-for'];
    const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
      .split(',')
      .map((h) => plain(h.trim()))
      .filter(Boolean);
    for (let i = hops.length - 1; i >= 0; i--) {
      const hop = hops[i] as string;
      if (isIP(hop) === 0) return direct; // a hop that is no address: believe nothing of the header
      if (!this.addresses.has(hop)) return hop;
    }
    return direct;
  }
}

/** An address without the IPv6 prefix a dual-stack socket gives an IPv4 one (::ffff:). */
const plain = (address: string) =>
  address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;

const socketAddress = (req: IncomingMessage) => plain(req.socket.remoteAddress ?? 'unknown');

/** Checks CHAIN_TRUSTED_PROXIES: addresses separated by commas. */
export function parseTrustedProxies(text: string | undefined): string[] {
  const addresses = (text ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  for (const a of addresses)
    if (isIP(a) === 0) throw new Error(`CHAIN_TRUSTED_PROXIES must list IP addresses separated by commas; got '${a}'.`);
  return addresses;
}
