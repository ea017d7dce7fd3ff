import { Initial1733000000000 } from './1733000000000-initial';

/** In order of application; each file is one step and is never edited once released. */
export const migrations = [Initial1733000000000];
