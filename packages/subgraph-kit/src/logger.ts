import pino, { type Logger } from 'pino';

/** JSON logs to stdout at `level` (a process's `LOG_LEVEL`; trace shows every SQL statement). */
export function createLogger(name: string, level = 'info'): Logger {
  return pino({ name, level, base: { service: name }, timestamp: pino.stdTimeFunctions.isoTime });
}
