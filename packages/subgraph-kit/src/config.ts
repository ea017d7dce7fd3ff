/*
 * Configuration, parsed once. Every process turns its environment into a typed object at start
 * with `parseConfig` and a zod schema whose keys are the variables' names, and fails fast with a
 * message naming each malformed variable; after start, code reads the object (the kit's options,
 * `ctx.config`, a job's or route's deps), never `process.env`. This module has no heavy imports:
 * the small processes (`pnpm start`, the embedded database) load it without Apollo.
 */
import { z } from 'zod';

/** The environment as a process receives it (or a test builds it). */
export type Env = Readonly<Record<string, string | undefined>>;

export const SUBGRAPH_NAMES = ['networks', 'participants', 'reports', 'handbook'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];
export const DEFAULT_SUBGRAPH_PORTS: Record<SubgraphName, number> = { networks: 4001, participants: 4002, reports: 4003, handbook: 4004 };

/** Where a subgraph's GraphQL endpoint is: `<NAME>_SUBGRAPH_URL`, else its default local port. */
export function subgraphUrl(name: SubgraphName, env: Env): string {
  return env[`${name.toUpperCase()}_SUBGRAPH_URL`] || `http://127.0.0.1:${env[`${name.toUpperCase()}_PORT`] || DEFAULT_SUBGRAPH_PORTS[name]}/graphql`;
}

export class ConfigError extends Error {}

const unset = (raw: string | undefined): raw is undefined => raw === undefined || raw.trim() === '';

/**
 * Schema pieces for one variable each: unset or empty gives the default; anything else must parse,
 * or start-up fails naming the variable.
 */
export const setting = {
  /** A whole number from `min` (default 0) to `max`. */
  int(fallback: number, { min = 0, max = Number.MAX_SAFE_INTEGER }: { min?: number; max?: number } = {}) {
    return z.string().optional().transform((raw, ctx) => {
      if (unset(raw)) return fallback;
      const n = Number(raw);
      if (Number.isInteger(n) && n >= min && n <= max) return n;
      ctx.addIssue({ code: 'custom', message: `expected a whole number from ${min} to ${max}, got "${raw}"` });
      return z.NEVER;
    });
  },
  /** `true`/`1` or `false`/`0`. */
  flag(fallback: boolean) {
    return z.string().optional().transform((raw, ctx) => {
      if (unset(raw)) return fallback;
      if (raw === 'true' || raw === '1') return true;
      if (raw === 'false' || raw === '0') return false;
      ctx.addIssue({ code: 'custom', message: `expected true or false, got "${raw}"` });
      return z.NEVER;
    });
  },
  /** Free text with a default. */
  text(fallback: string) {
    return z.string().optional().transform((raw) => (unset(raw) ? fallback : raw));
  },
  /** Free text, `undefined` when unset or empty. */
  optionalText() {
    return z.string().optional().transform((raw) => (unset(raw) ? undefined : raw));
  },
};

/**
 * Parses `env` with `schema` once, at start. A malformed variable stops the process with a
 * message that names it, e.g. `PARTICIPANTS_OFFER_TTL_HOURS: expected a whole number …`.
 */
export function parseConfig<S extends z.ZodType>(schema: S, env: Env): z.output<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(`Invalid configuration: ${result.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`).join('; ')}`);
}

/** What every subgraph process reads from its environment, plus the service's own `settings`. */
export interface SubgraphConfig<S = unknown> {
  port: number;
  host: string;
  /** `<NAME>_DATABASE_URL`, else `DATABASE_URL`. */
  databaseUrl: string;
  dbPoolSize: number;
  /** Secret shared with the gateway (the signed viewer) and between subgraphs. */
  internalSecret: string;
  /** Where the other subgraphs are (calls between subgraphs). */
  subgraphUrls: Record<SubgraphName, string>;
  /** Load the demo data when the tables are empty. */
  seedDemo: boolean;
  /** Run the scheduled jobs in this instance. */
  runJobs: boolean;
  bodyLimitBytes: number;
  /** Bearer token `/metrics` requires; unset: `/metrics` is open to whoever reaches the port (development). */
  metricsToken?: string;
  logLevel: string;
  /** Statistics cells from fewer units than this are suppressed (docs/security.md). */
  suppressionThreshold: number;
  /** The service's own settings (its `SubgraphDefinition.settings` schema). */
  settings: S;
}

/** The variables every subgraph reads; `name` gives the per-service ones (`<NAME>_PORT`, `<NAME>_DATABASE_URL`). */
export function subgraphConfigSchema(name: SubgraphName) {
  const upper = name.toUpperCase();
  return z.object({
    [`${upper}_PORT`]: setting.int(DEFAULT_SUBGRAPH_PORTS[name], { max: 65_535 }),
    HOST: setting.text('127.0.0.1'),
    [`${upper}_DATABASE_URL`]: setting.optionalText(),
    DATABASE_URL: setting.optionalText(),
    DB_POOL_SIZE: setting.int(10, { min: 1 }),
    INTERNAL_AUTH_SECRET: setting.optionalText().refine((secret) => secret !== undefined && secret.length >= 16, {
      message: 'at least 16 characters are required: the subgraph answers only the gateway',
    }),
    // Any value but "false" seeds, as before.
    SEED_DEMO: z.string().optional().transform((raw) => raw !== 'false'),
    BODY_LIMIT_BYTES: setting.int(1_000_000, { min: 1 }),
    METRICS_TOKEN: setting.optionalText(),
    LOG_LEVEL: setting.text('info'),
    STATISTICS_SUPPRESSION_THRESHOLD: setting.int(3, { min: 1 }),
  }).passthrough().transform((env, ctx): Omit<SubgraphConfig, 'settings'> => {
    const databaseUrl = (env[`${upper}_DATABASE_URL`] ?? env.DATABASE_URL) as string | undefined;
    if (!databaseUrl) ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: `no database configured for ${name} (pnpm start sets it to the embedded database)` });
    return {
      port: env[`${upper}_PORT`] as number,
      host: env.HOST as string,
      databaseUrl: databaseUrl ?? '',
      dbPoolSize: env.DB_POOL_SIZE as number,
      internalSecret: env.INTERNAL_AUTH_SECRET as string,
      subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, subgraphUrl(n, env as Env)])) as Record<SubgraphName, string>,
      seedDemo: env.SEED_DEMO as boolean,
      runJobs: true,
      bodyLimitBytes: env.BODY_LIMIT_BYTES as number,
      metricsToken: env.METRICS_TOKEN as string | undefined,
      logLevel: env.LOG_LEVEL as string,
      suppressionThreshold: env.STATISTICS_SUPPRESSION_THRESHOLD as number,
    };
  });
}

/**
 * A subgraph's whole configuration from `env`: the common variables and the service's own
 * (`settingsSchema`), every malformed one reported in one message.
 */
export function subgraphConfigFromEnv<S>(name: SubgraphName, settingsSchema: z.ZodType<S> | undefined, env: Env): SubgraphConfig<S> {
  const schema = z.object({ common: subgraphConfigSchema(name), settings: settingsSchema ?? z.any() });
  // Both parts read the same flat environment; the paths of their issues are the variables.
  const result = schema.safeParse({ common: env, settings: env });
  if (!result.success) {
    throw new ConfigError(`Invalid configuration of ${name}: ${result.error.issues.map((i) => `${i.path.slice(1).join('.') || 'environment'}: ${i.message}`).join('; ')}`);
  }
  return { ...result.data.common, settings: (settingsSchema ? result.data.settings : {}) as S };
}
