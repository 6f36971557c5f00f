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

export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      name: 'meetnow',
      level,
      redact: { paths: REDACT, censor: '[redacted]' },
      base: { pid: process.pid },
    },
    destination ?? pino.destination({ sync: false }),
  );
}
