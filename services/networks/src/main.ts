/** The networks subgraph process: the one place it reads its environment (parsed once, see the kit's config.ts). */
import { runSubgraphProcess } from '@kommunenett/subgraph-kit';
import { networksSubgraph } from './index';

runSubgraphProcess(networksSubgraph, process.env);
