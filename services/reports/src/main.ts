/** The reports subgraph process: the one place it reads its environment (parsed once, see the kit's config.ts). */
import { runSubgraphProcess } from '@kommunenett/subgraph-kit';
import { reportsSubgraph } from './index';

runSubgraphProcess(reportsSubgraph, process.env);
