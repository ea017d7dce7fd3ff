import { onShutdownSignal, startSubgraph } from '@kommunenett/subgraph-kit';
import { handbookSubgraph } from './index';

startSubgraph(handbookSubgraph).then(
  (running) => onShutdownSignal(() => running.stop(), running.log),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
