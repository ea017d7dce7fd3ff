import { Directory1732000000000 } from './1732000000000-directory';

/** In order of application; each file is one step and is never edited once released. */
export const migrations = [Directory1732000000000];
