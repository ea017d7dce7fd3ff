// Production settings unless told otherwise (no calls home either: startGateway sees to that).
process.env.NODE_ENV ??= 'production';

import cluster from 'node:cluster';
import { onShutdownSignal, createLogger } from '@kommunenett/subgraph-kit/serving';
import { gatewayConfigFromEnv, type GatewayConfig } from './config';
import { startGateway } from './gateway';

const log = createLogger('gateway', process.env.LOG_LEVEL || 'info');
/** Worker processes sharing the port: the gateway is CPU-bound, one process uses one core. */
const workers = Math.max(1, Number(process.env.GATEWAY_WORKERS ?? 1));

if (workers > 1 && cluster.isPrimary) {
  let stopping = false;
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on('exit', (worker, code) => {
    if (stopping) return;
    log.error({ pid: worker.process.pid, code }, 'gateway worker exited; starting another');
    cluster.fork();
  });
  onShutdownSignal(async () => {
    stopping = true;
    const all = Object.values(cluster.workers ?? {});
    await Promise.all(all.map((w) => new Promise((r) => { w?.once('exit', r); w?.process.kill('SIGTERM'); })));
  }, log);
} else {
  // Parsed once, here; a malformed variable stops the process naming it.
  let config: GatewayConfig;
  try {
    config = gatewayConfigFromEnv(process.env);
  } catch (error) {
    log.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
  startGateway(config, log).then(
    (running) => onShutdownSignal(() => running.stop(), log),
    (error: unknown) => {
      log.error({ err: error }, 'gateway failed to start');
      process.exit(1);
    },
  );
}
