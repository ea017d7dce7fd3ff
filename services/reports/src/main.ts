import { onShutdownSignal, startSubgraph } from '@kommunenett/subgraph-kit';
import { reportsSubgraph } from './index';

startSubgraph(reportsSubgraph).then(
  (running) => onShutdownSignal(() => running.stop(), running.log),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
