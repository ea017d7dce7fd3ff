import { z } from 'zod';
import { ConfigError, DEFAULT_SUBGRAPH_PORTS, setting, subgraphConfigFromEnv } from '../src/config';

/** A service's own settings, as a service's config.ts declares them. */
const ownSettings = z.object({
  PARTICIPANTS_OFFER_TTL_HOURS: setting.int(72, { min: 1 }),
  PARTICIPANTS_WEBHOOK_ALLOW_HTTP: setting.flag(false),
  PUBLIC_BASE_URL: setting.optionalText(),
}).transform((env) => ({ offerTtlHours: env.PARTICIPANTS_OFFER_TTL_HOURS, webhookAllowHttp: env.PARTICIPANTS_WEBHOOK_ALLOW_HTTP, publicBaseUrl: env.PUBLIC_BASE_URL ?? null }));

/** Configuration is parsed once, at start: defaults, the variables' names in every refusal. */
const REQUIRED = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres', INTERNAL_AUTH_SECRET: 's'.repeat(32) };

describe('subgraphConfigFromEnv', () => {
  it('gives the documented defaults for what is unset or empty', () => {
    const config = subgraphConfigFromEnv('reports', undefined, { ...REQUIRED, BODY_LIMIT_BYTES: '', SEED_DEMO: 'yes' });
    expect(config).toMatchObject({
      port: DEFAULT_SUBGRAPH_PORTS.reports, host: '127.0.0.1', databaseUrl: REQUIRED.DATABASE_URL, dbPoolSize: 10, bodyLimitBytes: 1_000_000,
      seedDemo: true, runJobs: true, metricsToken: undefined, logLevel: 'info', suppressionThreshold: 3,
      subgraphUrls: { networks: 'http://127.0.0.1:4001/graphql', handbook: 'http://127.0.0.1:4004/graphql' },
    });
  });

  it('reads the service’s own variables first: its port, its database, the other subgraphs’ addresses', () => {
    const config = subgraphConfigFromEnv('reports', undefined, {
      ...REQUIRED, REPORTS_PORT: '5003', REPORTS_DATABASE_URL: 'postgres://reports@db/reports', NETWORKS_SUBGRAPH_URL: 'http://networks:4001/graphql', SEED_DEMO: 'false',
    });
    expect(config).toMatchObject({ port: 5003, databaseUrl: 'postgres://reports@db/reports', seedDemo: false, subgraphUrls: { networks: 'http://networks:4001/graphql' } });
  });

  it('refuses malformed values, naming every variable at once', () => {
    const parse = () => subgraphConfigFromEnv('participants', ownSettings, {
      DATABASE_URL: REQUIRED.DATABASE_URL, INTERNAL_AUTH_SECRET: 'short', STATISTICS_SUPPRESSION_THRESHOLD: '0',
      PARTICIPANTS_OFFER_TTL_HOURS: 'soon', PARTICIPANTS_WEBHOOK_ALLOW_HTTP: 'maybe',
    });
    expect(parse).toThrow(ConfigError);
    expect(parse).toThrow(/^Invalid configuration of participants: /);
    for (const variable of ['INTERNAL_AUTH_SECRET', 'STATISTICS_SUPPRESSION_THRESHOLD', 'PARTICIPANTS_OFFER_TTL_HOURS: expected a whole number', 'PARTICIPANTS_WEBHOOK_ALLOW_HTTP: expected true or false']) {
      expect(parse).toThrow(variable);
    }
  });

  it('refuses to start without a database', () => {
    expect(() => subgraphConfigFromEnv('networks', undefined, { INTERNAL_AUTH_SECRET: REQUIRED.INTERNAL_AUTH_SECRET })).toThrow(/DATABASE_URL: no database configured for networks/);
  });

  it('parses a service’s own settings into config.settings', () => {
    const config = subgraphConfigFromEnv('participants', ownSettings, { ...REQUIRED, PARTICIPANTS_OFFER_TTL_HOURS: '48', PARTICIPANTS_WEBHOOK_ALLOW_HTTP: '' });
    expect(config.settings).toEqual({ offerTtlHours: 48, webhookAllowHttp: false, publicBaseUrl: null });
  });
});
