import type { Indicator } from '../entities/indicator.entity';
import { IndicatorUnit, IndicatorValueType } from '../entities/enums';

export interface ValueProblem {
  code: 'WRONG_UNIT' | 'WRONG_VALUE_TYPE' | 'OUT_OF_RANGE';
  message: string;
}

/**
 * Whether a value fits its indicator: the unit (when the caller states one), whole numbers for
 * INTEGER indicators (a count stays a count), and the indicator's range (no negative count, no
 * share over 100 %).
 */
export function valueProblem(indicator: Indicator, value: number, unit?: IndicatorUnit | null): ValueProblem | null {
  if (unit && unit !== indicator.unit) {
    return { code: 'WRONG_UNIT', message: `${indicator.id} is measured in ${indicator.unit}, not ${unit}.` };
  }
  if (!Number.isFinite(value)) return { code: 'WRONG_VALUE_TYPE', message: 'The value must be a finite number.' };
  if (indicator.valueType === IndicatorValueType.INTEGER && !Number.isInteger(value)) {
    return { code: 'WRONG_VALUE_TYPE', message: `${indicator.id} is a whole number; ${value} is not.` };
  }
  if ((indicator.minValue !== null && value < indicator.minValue) || (indicator.maxValue !== null && value > indicator.maxValue)) {
    const range = `${indicator.minValue ?? '−∞'}–${indicator.maxValue ?? '∞'}`;
    return { code: 'OUT_OF_RANGE', message: `${indicator.id} takes values in ${range}${indicator.unit === IndicatorUnit.PERCENT ? ' %' : ''}; ${value} is outside.` };
  }
  return null;
}
