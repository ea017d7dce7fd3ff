import { Reports1733000000000 } from './1733000000000-reports';
import { StatisticsIndex1733000000001 } from './1733000000001-statistics-index';
import { SourceFacts1733000015000 } from './1733000015000-source-facts';
import { ValueProvenance1738100000000 } from './1738100000000-value-provenance';
import { PublishedReportsIndex1738200000000 } from './1738200000000-published-reports-index';

/** In order of application; each file is one step and is never edited once released. */
export const migrations = [Reports1733000000000, StatisticsIndex1733000000001, SourceFacts1733000015000, ValueProvenance1738100000000, PublishedReportsIndex1738200000000];
