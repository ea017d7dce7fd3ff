/** The coprocessor process beside Apollo Router (see infra/router.yaml). */
import { createLogger, onShutdownSignal, startHttpServer } from '@kommunenett/subgraph-kit/serving';
import { routerCoprocessor } from './router-coprocessor';

const log = createLogger('router-coprocessor', process.env.LOG_LEVEL || 'info');
const secret = process.env.INTERNAL_AUTH_SECRET;
if (!secret || secret.length < 16) {
  log.error('INTERNAL_AUTH_SECRET (at least 16 characters) is required');
  process.exit(1);
}
startHttpServer(routerCoprocessor(secret), Number(process.env.ROUTER_COPROCESSOR_PORT ?? 4010), process.env.HOST ?? '127.0.0.1', log).then((http) => {
  log.info({ url: http.url }, 'router coprocessor ready');
  onShutdownSignal(() => http.close(), log);
}, (error: unknown) => {
  log.error({ err: error }, 'router coprocessor failed to start');
  process.exit(1);
});
