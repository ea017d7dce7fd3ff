import { demoId } from '@kommunenett/reference-data';

/** Stable ids of this service's own demo rows. */
export const demoRowId = (name: string): string => demoId(`reports:${name}`);
