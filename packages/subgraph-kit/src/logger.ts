import pino, { type Logger } from 'pino';

/** JSON logs to stdout; `LOG_LEVEL` sets the level (trace shows every SQL statement). */
export function createLogger(name: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ name, level, base: { service: name }, timestamp: pino.stdTimeFunctions.isoTime });
}
