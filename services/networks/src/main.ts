import { onShutdownSignal, startSubgraph } from '@kommunenett/subgraph-kit';
import { networksSubgraph } from './index';

startSubgraph(networksSubgraph).then(
  (running) => onShutdownSignal(() => running.stop(), running.log),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
