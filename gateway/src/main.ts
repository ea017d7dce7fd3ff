// Production settings unless told otherwise; no calls home (this platform runs without internet).
process.env.NODE_ENV ??= 'production';
process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';

import { onShutdownSignal, createLogger } from '@kommunenett/subgraph-kit';
import { startGateway } from './gateway';

const log = createLogger('gateway');
startGateway({}, log).then(
  (running) => onShutdownSignal(() => running.stop(), log),
  (error: unknown) => {
    log.error({ err: error }, 'gateway failed to start');
    process.exit(1);
  },
);
