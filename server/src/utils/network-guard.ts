import { promises as dns } from 'dns';
import http from 'http';
import https from 'https';
import { isIP } from 'net';
import { blockedRange } from './address-ranges';

/**
 * The SSRF guard of every outgoing call (ClearOn, the CAPTCHA providers): the host of the URL is
 * resolved and every address it resolves to is classified; loopback, private, link-local, CGNAT,
 * multicast, documentation and the other IANA special-purpose addresses (and the IPv4-mapped, NAT64
 * and 6to4 forms of those) are refused unless the plugin option `allowPrivateHosts` is on.
 *
 * It runs twice per call: `check(url)` before the request (an IP literal never reaches a DNS
 * lookup, and a pooled keep-alive socket makes no new one), and `lookup` when the socket connects,
 * so the connection only ever goes to an address that was checked (no DNS rebinding in between).
 */

/** The `code` of a refused address, on the error the guard throws (and axios passes on). */
export const BLOCKED_ADDRESS_CODE = 'ERR_CLEARON_BLOCKED_ADDRESS';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Every address of a host name, as getaddrinfo gives them. Tests inject their own. */
export type Resolve = (hostname: string) => Promise<ResolvedAddress[]>;

/** A host refused by the guard; `code` is BLOCKED_ADDRESS_CODE. The message names host and address. */
export class BlockedAddressError extends Error {
  readonly code = BLOCKED_ADDRESS_CODE;

  constructor(
    readonly hostname: string,
    readonly address: string,
    readonly range: string
  ) {
    super(
      `${hostname === address ? address : `${hostname} resolves to ${address}, which`} is ${range}: ` +
        'refused unless the plugin option allowPrivateHosts is on'
    );
    this.name = 'BlockedAddressError';
  }
}

export const isBlockedAddressError = (error: unknown): error is { code: string; message: string } =>
  typeof error === 'object' &&
  error !== null &&
  (error as { code?: unknown }).code === BLOCKED_ADDRESS_CODE;

export interface NetworkGuardOptions {
  /** The plugin option, read on every call (a function) or fixed. */
  allowPrivateHosts: boolean | (() => boolean);
  /** Resolves a host name to all its addresses; the system resolver (getaddrinfo) by default. */
  resolve?: Resolve;
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | ResolvedAddress[],
  family?: 4 | 6
) => void;

/** dns.lookup's signature, as http(s).Agent, net.connect and axios call it. */
export type GuardedLookup = (
  hostname: string,
  options: { family?: number | string; all?: boolean } | number | undefined,
  callback: LookupCallback
) => void;

export interface NetworkGuard {
  /** Throws BlockedAddressError when the URL's host is, or resolves to, a refused address. */
  check(url: string): Promise<void>;
  /** For the socket's connect: resolves with the guard's resolver and refuses what check() refuses. */
  lookup: GuardedLookup;
  /**
   * Axios options that route a request through the guard: the lookup, agents of its own (not a
   * global or proxy agent) and no proxy (a proxy would resolve the host itself, out of sight).
   */
  axiosOptions: {
    lookup: GuardedLookup;
    httpAgent: http.Agent;
    httpsAgent: https.Agent;
    proxy: false;
    maxRedirects: 0;
  };
}

export const systemResolve: Resolve = async (hostname) =>
  (await dns.lookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({
    address,
    family: family === 6 ? 6 : 4,
  }));

const familyOf = (value: unknown): 0 | 4 | 6 => {
  if (value === 4 || value === 'IPv4') return 4;
  if (value === 6 || value === 'IPv6') return 6;
  return 0;
};

export const createNetworkGuard = (options: NetworkGuardOptions): NetworkGuard => {
  const resolve = options.resolve ?? systemResolve;
  const allowed = () =>
    typeof options.allowPrivateHosts === 'function'
      ? options.allowPrivateHosts() === true
      : options.allowPrivateHosts === true;

  /** The host's addresses, every one of them checked (one refused address refuses the host). */
  const resolveChecked = async (host: string): Promise<ResolvedAddress[]> => {
    const hostname = host.replace(/^\[(.*)\]$/, '$1');
    const literal = isIP(hostname);
    const addresses: ResolvedAddress[] = literal
      ? [{ address: hostname, family: literal === 6 ? 6 : 4 }]
      : await resolve(hostname);
    if (!allowed()) {
      for (const { address } of addresses) {
        const range = blockedRange(address);
        if (range) throw new BlockedAddressError(hostname, address, range);
      }
    }
    return addresses;
  };

  const lookup: GuardedLookup = (hostname, lookupOptions, callback) => {
    const opts = typeof lookupOptions === 'object' && lookupOptions !== null ? lookupOptions : {};
    const family = familyOf(typeof lookupOptions === 'number' ? lookupOptions : opts.family);
    resolveChecked(hostname).then(
      (addresses) => {
        const wanted = family ? addresses.filter((a) => a.family === family) : addresses;
        if (wanted.length === 0) {
          const error: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
          error.code = 'ENOTFOUND';
          callback(error, opts.all ? [] : '');
        } else if (opts.all) {
          callback(null, wanted);
        } else {
          callback(null, wanted[0].address, wanted[0].family);
        }
      },
      (error: NodeJS.ErrnoException) => callback(error, opts.all ? [] : '')
    );
  };

  return {
    async check(url: string) {
      if (allowed()) return;
      await resolveChecked(new URL(url).hostname);
    },
    lookup,
    axiosOptions: {
      lookup,
      httpAgent: new http.Agent({ keepAlive: true }),
      httpsAgent: new https.Agent({ keepAlive: true }),
      proxy: false,
      maxRedirects: 0,
    },
  };
};
