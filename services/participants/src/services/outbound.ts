import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';

/*
 * Calls to hosts that partners name (webhook endpoints). A partner must not be able to make this
 * service call into the private network it runs in (SSRF): loopback, private, link-local (cloud
 * metadata), shared, multicast and reserved addresses are refused, both when the URL names such
 * an address and when its host name resolves to one — checked at connect time on the address
 * actually used, so a name that resolves differently later (DNS rebinding) is caught too.
 * PARTICIPANTS_WEBHOOK_ALLOW_PRIVATE (`allowPrivate`) lifts this for development and tests.
 */

const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 3]] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
// IPv6: unspecified, loopback and IPv4-compatible (::/96), IPv4-translated (::ffff:0:0:0/96),
// NAT64, discard, documentation, 6to4 and Teredo (both carry an IPv4 address inside), unique-local,
// link-local, multicast. IPv4-mapped addresses (::ffff:0:0/96) are judged by their IPv4 part.
for (const [network, prefix] of [['::', 96], ['::ffff:0:0:0', 96], ['64:ff9b::', 96], ['64:ff9b:1::', 48], ['100::', 64], ['2001::', 32], ['2001:db8::', 32],
  ['2002::', 16], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8]] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

/** The IPv4 address inside an IPv4-mapped IPv6 address, in either spelling (`::ffff:127.0.0.1`, `::ffff:7f00:1`). */
function mappedIPv4(address: string): string | null {
  const dotted = /^(?:0{0,4}:){0,5}:?ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (dotted) return dotted[1];
  const hex = /^(?:0{0,4}:){0,5}:?ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return null;
  const [high, low] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** Whether an IP address is a public unicast address (an IPv4-mapped IPv6 address by its IPv4 part). */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  const mapped = family === 6 ? mappedIPv4(address) : null;
  if (mapped) return isPublicAddress(mapped);
  return !NON_PUBLIC.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/** Names that mean this machine without asking DNS (RFC 6761 and the usual /etc/hosts entries). */
const LOCAL_NAMES = /^(localhost|localhost\.localdomain|ip6-localhost|ip6-loopback|localhost6|localhost6\.localdomain6)$|\.localhost$/;

/** Why a URL may not be called before any lookup (an address or `localhost` in it), or null. */
export function privateTargetOf(url: string, allowPrivate: boolean): string | null {
  if (allowPrivate) return null;
  if (!URL.canParse(url)) return 'not a URL';
  // The URL parser has already turned decimal, hex and octal IPv4 spellings into dotted form and
  // IPv6 into its short form; a trailing dot (the root of DNS) names the same host.
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase().replace(/\.+$/, '');
  if (host === '' || LOCAL_NAMES.test(host)) return `${host || 'the empty host'} is this machine`;
  if (isIP(host) !== 0 && !isPublicAddress(host)) return `${host} is not a public address`;
  return null;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** dns.lookup that leaves out addresses that are not public (unless allowed). */
const publicLookup = (allowPrivate: boolean) => (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const usable = allowPrivate ? addresses : addresses.filter((a) => isPublicAddress(a.address));
    if (usable.length === 0) {
      return callback(Object.assign(new Error(`${hostname} resolves to no public address`), { code: 'ENOTPUBLIC' }), []);
    }
    if (options.all) callback(null, usable);
    else callback(null, usable[0].address, usable[0].family);
  });
};

/**
 * POSTs a body and resolves with the status code and the first 500 characters of the answer
 * (redirects are not followed: a 3xx is an answer). Rejects on a refused target, a network error
 * or when `timeoutMs` passes.
 */
export function postToPartner(
  url: string, headers: Record<string, string>, body: string, { timeoutMs, allowPrivate }: { timeoutMs: number; allowPrivate: boolean },
): Promise<{ statusCode: number; excerpt: string }> {
  return new Promise((resolve, reject) => {
    const refused = privateTargetOf(url, allowPrivate);
    if (refused) return reject(new Error(refused));
    const target = new URL(url);
    const client = target.protocol === 'https:' ? https : http;
    const request = client.request(target, {
      method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, lookup: publicLookup(allowPrivate) as never, agent: false,
    }, (response) => {
      let excerpt = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => { if (excerpt.length < 500) excerpt = (excerpt + chunk).slice(0, 500); });
      response.on('end', () => { clearTimeout(timer); resolve({ statusCode: response.statusCode ?? 0, excerpt }); });
      response.on('error', (error) => { clearTimeout(timer); reject(error); });
    });
    const timer = setTimeout(() => request.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    request.on('error', (error) => { clearTimeout(timer); reject(error); });
    request.end(body);
  });
}
