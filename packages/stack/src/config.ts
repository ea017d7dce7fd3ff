/*
 * What the development processes of this package read from their environment (`pnpm start`,
 * `pnpm seed`, and the in-process test stack), parsed once when they start. The subgraphs and the
 * gateway they start parse their own (the kit's config.ts, gateway/src/config.ts).
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import { parseConfig, setting, type Env } from '@kommunenett/subgraph-kit/config';

const stackSchema = z.looseObject({
  /** Unset: the embedded database under DATA_DIR. */
  DATABASE_URL: setting.optionalText(),
  DATA_DIR: setting.optionalText(),
  EMBEDDED_DB_PORT: setting.int(54329, { max: 65_535 }),
  /** The test stack's log level (silent unless asked). */
  TEST_LOG_LEVEL: setting.text('silent'),
  /** `false`: `pnpm seed` (and the first start on a fresh data folder) only migrates, as the subgraphs then do. */
  SEED_DEMO: z.string().optional().transform((raw) => raw !== 'false'),
}).transform((env) => ({
  databaseUrl: env.DATABASE_URL,
  /** `DATA_DIR` resolved, or undefined where the caller has its own default. */
  dataDir: env.DATA_DIR === undefined ? undefined : resolve(env.DATA_DIR),
  embeddedDbPort: env.EMBEDDED_DB_PORT,
  testLogLevel: env.TEST_LOG_LEVEL,
  seedDemo: env.SEED_DEMO,
}));

export type StackConfig = z.output<typeof stackSchema>;

/** This process's environment, parsed (call once, at start). */
export function stackConfigFromEnv(env: Env = process.env): StackConfig {
  return parseConfig(stackSchema, env);
}
