import type { SubgraphDefinition } from '@kommunenett/subgraph-kit';
import { networksSubgraph } from '@kommunenett/networks';
import { participantsSubgraph } from '@kommunenett/participants';
import { reportsSubgraph } from '@kommunenett/reports';
import { handbookSubgraph } from '@kommunenett/handbook';

/** The four subgraphs, in start order (participants reads networks; reports reads participants). */
export const SUBGRAPHS: SubgraphDefinition[] = [networksSubgraph, participantsSubgraph, reportsSubgraph, handbookSubgraph];
