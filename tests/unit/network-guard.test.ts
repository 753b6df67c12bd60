import { createClearonClient } from '../../server/src/clearon';
import { classifyFailure } from '../../server/src/clearon/classify-failure';
import { isPrivateHost } from '../../server/src/validation/integration';
import {
  BLOCKED_ADDRESS_CODE,
  BlockedAddressError,
  createNetworkGuard,
  type Resolve,
  type ResolvedAddress,
} from '../../server/src/utils/network-guard';
import { blockedRange } from '../../server/src/utils/address-ranges';
import { issueInput, startTinyServer, targetFor, type TinyServer } from '../clearon/helpers';

describe('blockedRange: IPv4', () => {
  it.each([
    ['0.0.0.0', /unspecified/],
    ['0.1.2.3', /unspecified.*0\.0\.0\.0\/8/],
    ['10.0.0.1', /private.*10\.0\.0\.0\/8/],
    ['10.255.255.255', /private/],
    ['100.64.0.1', /carrier-grade NAT.*100\.64\.0\.0\/10/],
    ['100.127.255.254', /carrier-grade NAT/],
    ['127.0.0.1', /loopback.*127\.0\.0\.0\/8/],
    ['127.255.255.254', /loopback/],
    ['169.254.169.254', /link-local.*169\.254\.0\.0\/16/],
    ['172.16.0.1', /private.*172\.16\.0\.0\/12/],
    ['172.31.255.255', /private/],
    ['192.0.0.8', /IETF protocol assignment.*192\.0\.0\.0\/24/],
    ['192.0.0.170', /IETF protocol assignment/],
    ['192.0.2.1', /documentation.*192\.0\.2\.0\/24/],
    ['192.31.196.1', /AS112/],
    ['192.52.193.1', /AMT/],
    ['192.88.99.1', /6to4 relay anycast/],
    ['192.168.1.1', /private.*192\.168\.0\.0\/16/],
    ['192.175.48.1', /AS112/],
    ['198.18.0.1', /benchmarking.*198\.18\.0\.0\/15/],
    ['198.19.255.255', /benchmarking/],
    ['198.51.100.7', /documentation.*198\.51\.100\.0\/24/],
    ['203.0.113.9', /documentation.*203\.0\.113\.0\/24/],
    ['224.0.0.1', /multicast.*224\.0\.0\.0\/4/],
    ['239.255.255.250', /multicast/],
    ['240.0.0.1', /reserved.*240\.0\.0\.0\/4/],
    ['255.255.255.254', /reserved/],
    ['255.255.255.255', /broadcast/],
  ])('refuses %s', (address, range) => {
    expect(blockedRange(address)).toMatch(range);
  });

  it.each([
    '1.1.1.1',
    '8.8.8.8',
    '9.255.255.255',
    '11.0.0.0',
    '100.63.255.255',
    '100.128.0.0',
    '126.255.255.255',
    '128.0.0.0',
    '169.253.255.255',
    '169.255.0.0',
    '172.15.255.255',
    '172.32.0.0',
    '192.0.1.255',
    '192.0.3.0',
    '192.167.255.255',
    '192.169.0.0',
    '198.17.255.255',
    '198.20.0.0',
    '223.255.255.255',
  ])('accepts the public address %s', (address) => {
    expect(blockedRange(address)).toBeNull();
  });
});

describe('blockedRange: IPv6', () => {
  it.each([
    ['::', /unspecified/],
    ['::1', /loopback/],
    ['0:0:0:0:0:0:0:1', /loopback/],
    ['::2', /IPv4-compatible/],
    ['::a00:1', /IPv4-compatible/],
    ['::ffff:0:a00:1', /IPv4-translated/],
    ['64:ff9b:1::1', /local-use IPv4\/IPv6 translation/],
    ['100::1', /discard-only/],
    ['100:0:0:1::1', /dummy IPv6 prefix/],
    ['2001::1', /Teredo.*2001::\/32/],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', /Teredo/],
    ['2001:2::1', /benchmarking.*2001:2::\/48/],
    ['2001:1::1', /IETF protocol assignment/],
    ['2001:10::1', /IETF protocol assignment/],
    ['2001:1ff::1', /IETF protocol assignment/],
    ['2001:db8::1', /documentation.*2001:db8::\/32/],
    ['2001:db8:ffff::1', /documentation/],
    ['2620:4f:8000::1', /AS112/],
    ['3fff::1', /documentation.*3fff::\/20/],
    ['3fff:fff::1', /documentation/],
    ['5f00::1', /SRv6/],
    ['fc00::1', /unique local/],
    ['fd12:3456::1', /unique local/],
    ['fe80::1', /link-local/],
    ['fe80::1%eth0', /link-local/],
    ['febf::1', /link-local/],
    ['fec0::1', /site-local/],
    ['ff02::1', /multicast/],
    ['ff0e::1', /multicast/],
    ['4000::1', /outside global unicast/],
    ['1::1', /outside global unicast/],
    ['[::1]', /loopback/],
  ])('refuses %s', (address, range) => {
    expect(blockedRange(address)).toMatch(range);
  });

  it.each([
    '2606:4700:4700::1111',
    '2001:4860:4860::8888',
    '2001:200::1',
    '2001:db7:ffff::1',
    '2001:db9::1',
    '2620:4f:7fff::1',
    '2a00:1450:4001::1',
    '3ffe::1',
    '3fff:1000::1',
  ])('accepts the public address %s', (address) => {
    expect(blockedRange(address)).toBeNull();
  });

  it('refuses what is not an IP address at all', () => {
    expect(blockedRange('clearon.example')).toBe('not an IP address');
    expect(blockedRange('')).toBe('not an IP address');
  });
});

describe('blockedRange: IPv6 forms that carry an IPv4 address', () => {
  it.each([
    // IPv4-mapped ::ffff:0:0/96, dotted and hex
    ['::ffff:127.0.0.1', /IPv4-mapped.*of 127\.0\.0\.1, a loopback/],
    ['::ffff:7f00:1', /IPv4-mapped.*of 127\.0\.0\.1, a loopback/],
    ['0:0:0:0:0:ffff:7f00:1', /IPv4-mapped.*127\.0\.0\.1/],
    ['::ffff:10.1.2.3', /IPv4-mapped.*10\.1\.2\.3, a private/],
    ['::ffff:a9fe:a9fe', /IPv4-mapped.*169\.254\.169\.254, a link-local/],
    ['::ffff:100.64.0.1', /carrier-grade NAT/],
    ['::ffff:0.0.0.0', /unspecified/],
    ['::ffff:255.255.255.255', /broadcast/],
    // NAT64 64:ff9b::/96
    ['64:ff9b::127.0.0.1', /NAT64.*of 127\.0\.0\.1, a loopback/],
    ['64:ff9b::a00:1', /NAT64.*of 10\.0\.0\.1, a private/],
    ['64:ff9b::c0a8:101', /NAT64.*of 192\.168\.1\.1/],
    ['64:ff9b::e000:1', /NAT64.*224\.0\.0\.1, a multicast/],
    // 6to4 2002::/16: the IPv4 address is in bits 16 to 47
    ['2002:7f00:1::1', /6to4.*of 127\.0\.0\.1, a loopback/],
    ['2002:a00:1::', /6to4.*of 10\.0\.0\.1, a private/],
    ['2002:c000:201::1', /6to4.*of 192\.0\.2\.1, a documentation/],
    ['2002:a9fe:a9fe:1:2:3:4:5', /6to4.*169\.254\.169\.254/],
  ])('refuses %s', (address, range) => {
    expect(blockedRange(address)).toMatch(range);
  });

  it.each([
    '::ffff:8.8.8.8',
    '::ffff:808:808',
    '64:ff9b::8.8.8.8',
    '64:ff9b::101:101',
    '2002:808:808::1',
  ])('accepts %s, the form of a public IPv4 address', (address) => {
    expect(blockedRange(address)).toBeNull();
  });
});

describe('blockedRange reads every text form of an address', () => {
  it.each([
    ['[::1]', /loopback/],
    ['[fe80::1%25eth0]', /link-local/],
    ['fe80::1%eth0', /link-local/],
    ['0:0:0:0:0:ffff:7f00:1', /IPv4-mapped.*127\.0\.0\.1.*loopback/],
    ['::ffff:10.1.2.3', /IPv4-mapped.*10\.1\.2\.3.*private/],
  ])('%s', (text, range) => {
    expect(blockedRange(text)).toMatch(range);
  });

  it.each(['1:2:3', ':::1', 'g::1', 'localhost', '1.2.3', '0x7f.1', '017700000001'])(
    'refuses %s as not an IP address',
    (text) => {
      expect(blockedRange(text)).toBe('not an IP address');
    }
  );
});

describe('isPrivateHost (the save-time check of a literal host) follows the same ranges', () => {
  it.each([
    'localhost',
    'a.localhost',
    '127.0.0.1',
    '[::1]',
    '[::ffff:7f00:1]',
    '[64:ff9b::a00:1]',
    '192.0.2.1',
  ])('refuses %s', (host) => {
    expect(isPrivateHost(host)).toBe(true);
  });

  it.each(['8.8.8.8', '[2606:4700:4700::1111]', 'clearon.example.test'])(
    'lets %s through',
    (host) => {
      expect(isPrivateHost(host)).toBe(false);
    }
  );
});

/** A resolver that answers from a table, counting its calls. */
const fakeResolver = (table: Record<string, ResolvedAddress[]>) => {
  const calls: string[] = [];
  const resolve: Resolve = async (hostname) => {
    calls.push(hostname);
    const answer = table[hostname];
    if (!answer)
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return answer;
  };
  return { resolve, calls };
};

describe('the network guard', () => {
  const loopbackName = fakeResolver({
    'clearon.example.test': [{ address: '127.0.0.1', family: 4 }],
    'mixed.example.test': [
      { address: '93.184.215.14', family: 4 },
      { address: 'fd00::1', family: 6 },
    ],
    'public.example.test': [
      { address: '93.184.215.14', family: 4 },
      { address: '2606:2800:21f:cb07:6820:80da:af6b:8b2c', family: 6 },
    ],
  });

  it('refuses a host name that resolves to 127.0.0.1, naming the host and the address', async () => {
    const guard = createNetworkGuard({ allowPrivateHosts: false, resolve: loopbackName.resolve });
    const refused = guard.check('https://clearon.example.test/v1/coupons');
    await expect(refused).rejects.toBeInstanceOf(BlockedAddressError);
    await expect(refused).rejects.toMatchObject({
      code: BLOCKED_ADDRESS_CODE,
      hostname: 'clearon.example.test',
      address: '127.0.0.1',
      message:
        'clearon.example.test resolves to 127.0.0.1, which is a loopback address (127.0.0.0/8): ' +
        'refused unless the plugin option allowPrivateHosts is on',
    });
  });

  it('refuses a host when any one of its addresses is refused', async () => {
    const guard = createNetworkGuard({ allowPrivateHosts: false, resolve: loopbackName.resolve });
    await expect(guard.check('https://mixed.example.test/')).rejects.toMatchObject({
      address: 'fd00::1',
    });
    await expect(guard.check('https://public.example.test/')).resolves.toBeUndefined();
  });

  it('checks IP literals without asking the resolver (Node never looks them up)', async () => {
    const counting = fakeResolver({});
    const guard = createNetworkGuard({ allowPrivateHosts: false, resolve: counting.resolve });
    await expect(guard.check('http://127.0.0.1:8080/')).rejects.toThrow(
      /^127\.0\.0\.1 is a loopback address/
    );
    await expect(guard.check('http://[::ffff:169.254.169.254]/')).rejects.toThrow(
      /IPv4-mapped.*169\.254\.169\.254, a link-local/
    );
    // WHATWG URLs normalise the other spellings of an IPv4 address before anything sees them.
    await expect(guard.check('http://2130706433/')).rejects.toThrow(/127\.0\.0\.1 is a loopback/);
    await expect(guard.check('http://0x7f.1/')).rejects.toThrow(/127\.0\.0\.1 is a loopback/);
    await expect(guard.check('https://8.8.8.8/')).resolves.toBeUndefined();
    expect(counting.calls).toEqual([]);
  });

  it('lets everything through while allowPrivateHosts is on, read on every call', async () => {
    let allow = true;
    const guard = createNetworkGuard({
      allowPrivateHosts: () => allow,
      resolve: loopbackName.resolve,
    });
    await expect(guard.check('http://clearon.example.test/')).resolves.toBeUndefined();
    await expect(guard.check('http://127.0.0.1/')).resolves.toBeUndefined();
    allow = false;
    await expect(guard.check('http://clearon.example.test/')).rejects.toThrow(BlockedAddressError);
  });

  it('passes on resolver errors (an unknown host is not a refused one)', async () => {
    const guard = createNetworkGuard({ allowPrivateHosts: false, resolve: loopbackName.resolve });
    await expect(guard.check('https://nowhere.example.test/')).rejects.toMatchObject({
      code: 'ENOTFOUND',
    });
  });

  describe('lookup (what the socket connects through)', () => {
    const lookupOf = (allowPrivateHosts: boolean) =>
      createNetworkGuard({ allowPrivateHosts, resolve: loopbackName.resolve }).lookup;
    const call = (
      lookup: ReturnType<typeof lookupOf>,
      hostname: string,
      options: { family?: number; all?: boolean }
    ) =>
      new Promise<{ error: NodeJS.ErrnoException | null; address: unknown; family?: number }>(
        (resolve) =>
          lookup(hostname, options, (error, address, family) => resolve({ error, address, family }))
      );

    it('refuses a blocked address with the guard error', async () => {
      const { error } = await call(lookupOf(false), 'clearon.example.test', { all: true });
      expect(error).toBeInstanceOf(BlockedAddressError);
    });

    it('answers like dns.lookup: all addresses, or the first of a family', async () => {
      const lookup = lookupOf(false);
      expect(await call(lookup, 'public.example.test', { all: true })).toEqual({
        error: null,
        address: [
          { address: '93.184.215.14', family: 4 },
          { address: '2606:2800:21f:cb07:6820:80da:af6b:8b2c', family: 6 },
        ],
        family: undefined,
      });
      expect(await call(lookup, 'public.example.test', { family: 6 })).toEqual({
        error: null,
        address: '2606:2800:21f:cb07:6820:80da:af6b:8b2c',
        family: 6,
      });
      expect(await call(lookupOf(true), 'clearon.example.test', {})).toEqual({
        error: null,
        address: '127.0.0.1',
        family: 4,
      });
    });

    it('says ENOTFOUND when no address of the asked family exists', async () => {
      const { error } = await call(lookupOf(true), 'clearon.example.test', { family: 6 });
      expect(error?.code).toBe('ENOTFOUND');
    });
  });
});

describe('the ClearOn client behind the guard, over real HTTP', () => {
  let server: TinyServer;
  const names = fakeResolver({ 'clearon.example.test': [{ address: '127.0.0.1', family: 4 }] });

  beforeAll(async () => {
    server = await startTinyServer((_req, res) => {
      res.writeHead(201, { 'Content-Type': 'application/json' });
      res.end('{}');
    });
  });
  afterAll(() => server.close());

  const endpointByName = () =>
    `${server.url.replace('127.0.0.1', 'clearon.example.test')}/v1/coupons`;

  it('refuses clearon.example.test (127.0.0.1) with allowPrivateHosts off: nothing is sent', async () => {
    const client = createClearonClient({
      network: createNetworkGuard({ allowPrivateHosts: false, resolve: names.resolve }),
    });
    const hits = server.hits;
    const outcome = await client.issue(targetFor(endpointByName()), issueInput());
    expect(outcome).toEqual({
      kind: 'permanent',
      code: 'blocked_address',
      reason:
        "The ClearOn endpoint's address is refused: clearon.example.test resolves to 127.0.0.1, " +
        'which is a loopback address (127.0.0.0/8): refused unless the plugin option ' +
        'allowPrivateHosts is on',
    });
    expect(server.hits).toBe(hits);
  });

  it('refuses the literal 127.0.0.1 too, and by default (no guard given)', async () => {
    const outcome = await createClearonClient().issue(targetFor(server.url), issueInput());
    expect(outcome).toMatchObject({ kind: 'permanent', code: 'blocked_address' });
  });

  it('connects through the guard to the resolved address with allowPrivateHosts on', async () => {
    const client = createClearonClient({
      network: createNetworkGuard({ allowPrivateHosts: true, resolve: names.resolve }),
    });
    const hits = server.hits;
    names.calls.length = 0;
    const outcome = await client.issue(targetFor(endpointByName()), issueInput());
    // The tiny server's "{}" is no coupon: what matters is that the request reached it.
    expect(outcome.kind).not.toBe('permanent');
    expect(server.hits).toBe(hits + 1);
    // The socket's own lookup went through the guard's resolver (the name is not in /etc/hosts).
    expect(names.calls).toContain('clearon.example.test');
  });

  it('checks again at connect time: a name that turns to 127.0.0.1 after the check is refused', async () => {
    // DNS rebinding: public for the check before the request, loopback for the socket's lookup.
    const answers: ResolvedAddress[][] = [
      [{ address: '93.184.215.14', family: 4 }],
      [{ address: '127.0.0.1', family: 4 }],
    ];
    const calls: string[] = [];
    const rebinding: Resolve = async (hostname) => {
      calls.push(hostname);
      return answers[Math.min(calls.length - 1, answers.length - 1)];
    };
    const client = createClearonClient({
      network: createNetworkGuard({ allowPrivateHosts: false, resolve: rebinding }),
    });
    const hits = server.hits;
    const outcome = await client.issue(
      targetFor(endpointByName(), { timeoutMs: 5_000 }),
      issueInput()
    );
    expect(calls).toEqual(['clearon.example.test', 'clearon.example.test']);
    expect(outcome).toMatchObject({
      kind: 'permanent',
      code: 'blocked_address',
      reason: expect.stringContaining('clearon.example.test resolves to 127.0.0.1'),
    });
    expect(server.hits).toBe(hits);
  });

  it('a refused address is a permanent failure, whatever the wording', () => {
    expect(
      classifyFailure(
        {
          code: BLOCKED_ADDRESS_CODE,
          message: '10.0.0.1 is a private address',
          deadlineHit: false,
        },
        { host: '10.0.0.1', timeoutMs: 1000, maxResponseBytes: 1024 }
      )
    ).toEqual({
      kind: 'permanent',
      code: 'blocked_address',
      reason: "The ClearOn endpoint's address is refused: 10.0.0.1 is a private address",
    });
  });
});
