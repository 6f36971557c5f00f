import pino, { type Logger } from 'pino';
import type { LogLevel } from './config';

/** Paths that could carry a credential, wherever they appear in a log object. */
const REDACT = [
  'authorization',
  'headers.authorization',
  '*.headers.authorization',
  'req.headers.authorization',
  'secret',
  '*.secret',
  'clientSecret',
  '*.clientSecret',
  'accessToken',
  '*.accessToken',
  'access_token',
  '*.access_token',
  'privateKey',
  '*.privateKey',
  'privateKeyPem',
  '*.privateKeyPem',
];

/**
 * JSON lines to stdout through an asynchronous destination (a slow terminal or pipe never blocks a turn;
 * pino flushes it on exit), or `pretty` output through pino-pretty in a worker thread for a terminal.
 */
export function createLogger(level: LogLevel, destination?: pino.DestinationStream, options: { pretty?: boolean } = {}): Logger {
  const stream =
    destination ??
    (options.pretty === true
      ? pino.transport({ target: 'pino-pretty', options: { destination: 1, colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } })
      : pino.destination({ sync: false }));
  return pino(
    {
      name: 'meetnow',
      level,
      redact: { paths: REDACT, censor: '[redacted]' },
      base: { pid: process.pid },
    },
    stream,
  );
}

/** Writes out what is still buffered; resolves even when the destination cannot flush (a test stream). */
export function flushLogger(logger: Logger): Promise<void> {
  return new Promise((resolve) => {
    try {
      logger.flush(() => resolve());
    } catch {
      resolve();
    }
  });
}
