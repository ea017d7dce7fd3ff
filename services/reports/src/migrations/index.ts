import { Reports1733000000000 } from './1733000000000-reports';
import { StatisticsIndex1733000000001 } from './1733000000001-statistics-index';
import { MeasuredIn1733000015000 } from './1733000015000-measured-in';

/** In order of application; each file is one step and is never edited once released. */
export const migrations = [Reports1733000000000, StatisticsIndex1733000000001, MeasuredIn1733000015000];
