/*
 * The reports service's own settings, parsed once at start with the kit's common ones
 * (`SubgraphDefinition.settings`) into `config.settings`; read them with `settingsOf(ctx)`.
 */
import { z } from 'zod';
import { setting, type SubgraphConfig } from '@kommunenett/subgraph-kit';

export const reportsSettingsSchema = z.object({
  /** Most cells one statistics query may produce. */
  REPORTS_STATISTICS_MAX_CELLS: setting.int(10_000, { min: 1 }),
}).transform((env) => ({ statisticsMaxCells: env.REPORTS_STATISTICS_MAX_CELLS }));

export type ReportsSettings = z.output<typeof reportsSettingsSchema>;

export function settingsOf(deps: { config: SubgraphConfig }): ReportsSettings {
  return deps.config.settings as ReportsSettings;
}
