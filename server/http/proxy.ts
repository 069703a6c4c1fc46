import { BlockList, isIP } from 'node:net';

/**
 * Which reverse proxies may name the client: a number of hops (every connection arrives through exactly that many
 * proxies), or the proxies' own addresses and subnets. `false` trusts no X-Forwarded-For at all.
 */
export type TrustProxy = false | number | readonly string[];

const unmapped = (address: string) => (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(address) ? address.slice(7) : address);

/** A matcher for a list of addresses and CIDR subnets ("10.0.0.0/8", "::1"); throws naming a bad entry. */
export function proxyMatcher(list: readonly string[]): (address: string) => boolean {
  const blocks = new BlockList();
  for (const entry of list) {
    const [address = '', bits, extra] = entry.trim().split('/');
    const family = isIP(address);
    const prefix = Number(bits);
    const maxBits = family === 6 ? 128 : 32;
    if (
      !family ||
      extra !== undefined ||
      (bits !== undefined && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= maxBits))
    ) {
      throw new Error(`"${entry}" is not an IP address or CIDR subnet`);
    }
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) blocks.addAddress(address, type);
    else blocks.addSubnet(address, prefix, type);
  }
  return (address) => {
    const plain = unmapped(address);
    const family = isIP(plain);
    return family !== 0 && blocks.check(plain, family === 6 ? 'ipv6' : 'ipv4');
  };
}

/**
 * The client address behind trusted proxies. Each proxy appends the address it received the request from to
 * X-Forwarded-For, so the entries are read from the right: the right-most entry not written by a trusted proxy
 * is the client. Anything further left was written by the client itself and is never believed.
 */
export function clientAddress(
  remote: string,
  forwardedFor: string | undefined,
  trust: TrustProxy,
  isTrusted?: (address: string) => boolean,
): string {
  if (trust === false || trust === 0 || !forwardedFor) return remote;
  const forwarded = forwardedFor
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  // Nearest first: the socket's peer, then each X-Forwarded-For entry from the right.
  const hops = [remote, ...forwarded.reverse()];
  if (typeof trust === 'number') return unmapped(hops[Math.min(trust, hops.length - 1)]!);
  const trusted = isTrusted ?? proxyMatcher(trust);
  let i = 0;
  while (i < hops.length - 1 && trusted(hops[i]!)) i++;
  return unmapped(hops[i]!);
}
