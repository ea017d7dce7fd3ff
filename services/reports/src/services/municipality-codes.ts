import { FORMER_MUNICIPALITY_CODES } from '@kommunenett/reference-data';

/**
 * The official code in force for a municipality in a year. Municipalities are stored by their
 * current id; a report keeps the code it was made under: Bærum reported for 2022 as 3024 (today 3201).
 */
export function codeInForce(municipalityId: string, currentCode: string, period: string): string {
  for (const [formerId, span] of Object.entries(FORMER_MUNICIPALITY_CODES)) {
    if (span.currentId === municipalityId && period >= span.validFrom.slice(0, 4) && period <= span.validTo.slice(0, 4)) {
      return formerId.slice(3);
    }
  }
  return currentCode;
}
