/** The handbook subgraph process: the one place it reads its environment (parsed once, see the kit's config.ts). */
import { runSubgraphProcess } from '@kommunenett/subgraph-kit';
import { handbookSubgraph } from './index';

runSubgraphProcess(handbookSubgraph, process.env);
