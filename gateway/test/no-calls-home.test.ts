import { mkdtempSync, rmSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gatewayConfigFromEnv, startGateway } from '@kommunenett/gateway';
import { createLogger } from '@kommunenett/subgraph-kit';

/**
 * The platform runs without internet: the gateway calls no one as it starts, wherever it runs. Its
 * own process says so in main.ts; the test stack and other embeddings call startGateway directly.
 */
it('opens no connection as it starts and stops, also when embedded', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kn-no-calls-home-'));
  const connect = jest.spyOn(Socket.prototype, 'connect');
  try {
    const gateway = await startGateway({ ...gatewayConfigFromEnv({ DATA_DIR: dataDir }), port: 0 }, createLogger('test', 'silent'));
    await gateway.stop();
    // Apollo Gateway's telemetry, unless switched off, probes the cloud metadata addresses (169.254.169.254 and others).
    const targets = connect.mock.calls.map(([target]) => {
      // net.connect passes its normalized arguments, [options, callback].
      const options = (Array.isArray(target) ? target[0] : target) as { host?: string; port?: number; path?: string };
      return typeof options === 'object' ? options.path ?? `${options.host}:${options.port}` : String(options);
    });
    expect(targets).toEqual([]);
  } finally {
    connect.mockRestore();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
