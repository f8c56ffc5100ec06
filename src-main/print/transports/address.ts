/**
 * A network printer's address as typed in settings, checked before any connection is tried: a typo
 * should read "address is not valid", not "cannot reach the printer" after a DNS timeout.
 */
import net from 'node:net';

export interface NetworkTarget {
  host: string;
  port: number;
}

// RFC 1123 host names: dot-separated labels of letters, digits and inner hyphens, at most 253 characters.
const HOST_NAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;

/** The host to hand to net.connect (IPv6 without brackets), or null when the target is not an address. */
export function connectableHost(target: NetworkTarget): string | null {
  if (!Number.isInteger(target.port) || target.port < 1 || target.port > 65_535) return null;
  const host = target.host.trim().replace(/^\[(.*)\]$/, '$1');
  if (net.isIP(host) !== 0) return host;
  // "192.168.1.300" is a mistyped IPv4 address, not a host name made of digits.
  if (/^[\d.]+$/.test(host)) return null;
  return HOST_NAME.test(host) ? host : null;
}
