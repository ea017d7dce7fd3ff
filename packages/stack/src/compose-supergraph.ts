/** `pnpm compose`: writes infra/supergraph.graphql and each service's schema.graphql. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeSupergraph } from './compose';
import { REPO_ROOT } from './processes';
import { SUBGRAPHS } from './definitions';

export const SUPERGRAPH_PATH = join(REPO_ROOT, 'infra', 'supergraph.graphql');
export const subgraphSchemaPath = (name: string) => join(REPO_ROOT, 'services', name, 'schema.graphql');

if (require.main === module) {
  composeSupergraph(SUBGRAPHS).then(({ supergraphSdl, subgraphSdls }) => {
    writeFileSync(SUPERGRAPH_PATH, supergraphSdl);
    for (const [name, sdl] of Object.entries(subgraphSdls)) writeFileSync(subgraphSchemaPath(name), sdl);
    console.log(`Wrote ${SUPERGRAPH_PATH} and ${Object.keys(subgraphSdls).length} subgraph schemas.`);
  }, (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
