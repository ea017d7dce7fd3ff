import { onShutdownSignal, startSubgraph } from '@kommunenett/subgraph-kit';
import { participantsSubgraph } from './index';

startSubgraph(participantsSubgraph).then(
  (running) => onShutdownSignal(() => running.stop(), running.log),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
