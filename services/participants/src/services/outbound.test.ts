import { isPublicAddress } from './outbound';

describe('isPublicAddress', () => {
  it('accepts public unicast addresses', () => {
    for (const address of ['8.8.8.8', '151.101.1.69', '172.32.0.1', '100.128.0.1', '2001:4860:4860::8888', '::ffff:8.8.4.4']) {
      expect([address, isPublicAddress(address)]).toEqual([address, true]);
    }
  });

  it('refuses loopback, private, shared, link-local (metadata), documentation, multicast and reserved addresses, and non-addresses', () => {
    for (const address of ['127.0.0.1', '127.255.0.9', '10.0.0.1', '172.16.5.4', '172.31.255.255', '192.168.1.1', '100.64.0.1', '169.254.169.254',
      '0.0.0.0', '192.0.2.10', '224.0.0.1', '255.255.255.255', '::', '::1', 'fe80::1', 'fd00::1', 'ff02::1', '::ffff:10.0.0.1', '::ffff:127.0.0.1',
      'localhost', '']) {
      expect([address, isPublicAddress(address)]).toEqual([address, false]);
    }
  });
});
