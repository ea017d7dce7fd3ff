import { Initial1733000000000 } from './1733000000000-initial';
import { NynorskSearch1734000000000 } from './1734000000000-nynorsk-search';

/** In order of application; each file is one step and is never edited once released. */
export const migrations = [Initial1733000000000, NynorskSearch1734000000000];
