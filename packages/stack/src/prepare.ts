import { createServiceDataSource, migrateAndPrepare } from '@kommunenett/db';
import type { createLogger, SubgraphDefinition } from '@kommunenett/subgraph-kit';

/**
 * Migrates each service's schema on its database and, with `seedDemo`, loads the demo data where a
 * service's tables are empty: what a subgraph does when it starts, for `pnpm seed` and the test
 * stack's template database. One service after another (participants' demo data follows networks').
 */
export async function prepareServiceSchemas(definitions: SubgraphDefinition[], urlFor: (service: string) => string, options: { seedDemo: boolean; log: ReturnType<typeof createLogger> }): Promise<void> {
  for (const def of definitions) {
    const seed = def.seed && options.seedDemo ? def.seed : undefined;
    const ds = createServiceDataSource({ service: def.name, url: urlFor(def.name), entities: def.tables, migrations: def.migrations, log: options.log });
    await ds.initialize();
    try {
      await migrateAndPrepare(ds, def.name, seed && (() => seed(ds, options.log)));
      options.log.info(`${def.name}: migrated${seed ? ' and seeded' : ''}`);
    } finally {
      await ds.destroy();
    }
  }
}
