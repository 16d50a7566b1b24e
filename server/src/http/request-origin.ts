import type { IncomingMessage } from 'node:http';

/** Host names a browser uses for this machine itself. */
const LOOPBACK = ['localhost', '127.0.0.1', '::1'];

/**
 * Which Host headers the server answers: the names of this machine (localhost, 127.0.0.1, ::1),
 * the address it listens on when that is one address, and the hosts of its public origins
 * (CHAIN_PUBLIC_ORIGIN). A page of another site whose name an attacker points at this server's
 * address (DNS rebinding) sends its own name as Host, and is refused. `any` takes every Host
 * (CHAIN_PUBLIC_ORIGIN=*: behind a proxy that checks it).
 */
export type HostPolicy = { any: true } | { any: false; hosts: ReadonlySet<string> };

export function hostPolicy(listenHost: string, publicOrigins: readonly string[] | '*'): HostPolicy {
  if (publicOrigins === '*') return { any: true };
  const hosts = new Set(LOOPBACK);
  if (!isWildcard(listenHost)) hosts.add(bare(listenHost.toLowerCase()));
  for (const origin of publicOrigins) hosts.add(bare(new URL(origin).hostname.toLowerCase()));
  return { any: false, hosts };
}

/** 0.0.0.0 or ::: every address of the machine. */
export const isWildcard = (host: string) => host === '0.0.0.0' || host === '::' || host === '[::]';

/** Why a request's Host is refused; undefined when it is one of the policy's. */
export function refusedHost(req: IncomingMessage, policy: HostPolicy): string | undefined {
  if (policy.any) return undefined;
  const host = req.headers.host;
  if (!host) return 'The request has no Host header.';
  const name = hostnameOf(host);
  if (name !== undefined && policy.hosts.has(name)) return undefined;
  return `This server does not answer for the host '${host.slice(0, 100)}'. Open it at one of: ${[...policy.hosts].join(', ')} (set CHAIN_PUBLIC_ORIGIN to the address users open).`;
}

/** The name of a Host header without its port (an IPv6 address without its brackets). */
function hostnameOf(host: string): string | undefined {
  try {
    return bare(new URL(`http://${host}`).hostname.toLowerCase());
  } catch {
    return undefined;
  }
}

const bare = (name: string) => (name.startsWith('[') && name.endsWith(']') ? name.slice(1, -1) : name);
