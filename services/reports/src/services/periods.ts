import { badInput } from '@kommunenett/subgraph-kit';
import type { Indicator } from '../entities/indicator.entity';

/** Periods are calendar years: "2022". */
export const PERIOD_PATTERN = /^(19|20)\d{2}$/;

export function isPeriod(value: string): boolean {
  return PERIOD_PATTERN.test(value);
}

/** Checks query arguments that are periods; a malformed one is a BAD_USER_INPUT error. */
export function requirePeriods(periods: readonly string[] | null | undefined, field: string): string[] | null {
  if (!periods) return null;
  if (periods.length > 50) throw badInput('At most 50 periods can be asked for at once.', field);
  for (const p of periods) if (!isPeriod(p)) throw badInput(`"${p}" is not a period: use a year such as "2022".`, field);
  return [...new Set(periods)].sort();
}

/** The years an indicator is measured in, up to its last period or the current year. */
export function indicatorPeriods(indicator: Pick<Indicator, 'firstPeriod' | 'lastPeriod' | 'periodStep'>, now = new Date()): string[] {
  const last = indicator.lastPeriod ?? now.getUTCFullYear();
  const periods: string[] = [];
  for (let year = indicator.firstPeriod; year <= last; year += indicator.periodStep) periods.push(String(year));
  return periods;
}

export function indicatorHasPeriod(indicator: Pick<Indicator, 'firstPeriod' | 'lastPeriod' | 'periodStep'>, period: string): boolean {
  const year = Number(period);
  return year >= indicator.firstPeriod && (indicator.lastPeriod === null || year <= indicator.lastPeriod)
    && (year - indicator.firstPeriod) % indicator.periodStep === 0;
}
