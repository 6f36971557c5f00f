import pino, { type Logger } from 'pino';
import type { LogLevel } from './config';

/** Keys whose value could be a credential. */
const SECRET_KEYS = ['authorization', 'secret', 'clientSecret', 'accessToken', 'access_token', 'privateKey', 'privateKeyPem'];

/**
 * pino's own redaction: a secret key at the top of a line or of a child's bindings, one level below
 * (`*.secret`, `err.accessToken` after pino's error serializer) and a request's or response's
 * `headers.authorization`. The logged objects are left as they were. No path reaches inside a message
 * string, and none needs to: no message carries a secret (test/integration/secrets.test.ts searches every
 * line for them). pino runs every `*.…` path over every field of every line, so the list is kept short.
 * https://getpino.io/#/docs/redaction
 */
const REDACT: pino.redactOptions = {
  paths: [...SECRET_KEYS, ...SECRET_KEYS.map((key) => `*.${key}`), '*.headers.authorization'],
  censor: '[redacted]',
};

/**
 * The redaction of a line whose fields are all strings, numbers and booleans (the turn line): a `*.…` path
 * cannot match anything there, yet pino runs each one over every field (about 14 µs of the 16-field turn line,
 * measured on Node 24), so such lines keep only the top-level keys.
 */
const FLAT_REDACT: pino.redactOptions = { paths: SECRET_KEYS, censor: REDACT.censor };

/** A child for flat lines only (see FLAT_REDACT): a nested object logged through it would not be searched. */
export function flatLineLogger(logger: Logger): Logger {
  return logger.child({}, { redact: FLAT_REDACT });
}

/**
 * `logger.child(bindings)`, made when it is first used. pino runs every redact path (the `*.…` ones too) over
 * each binding when it makes a child, and most turns log nothing but their turn line: making each turn's
 * child up front was a twentieth of the bytes a `/meet` turn allocates. Every property and method is the
 * child's, so it logs, redacts and makes children exactly as the child would.
 */
export function lazyChild(logger: Logger, bindings: pino.Bindings): Logger {
  let child: Logger | undefined;
  const made = (): Logger => (child ??= logger.child(bindings));
  return new Proxy(logger, {
    get: (_target, key) => {
      const target = made();
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
    set: (_target, key, value) => Reflect.set(made(), key, value),
    has: (_target, key) => Reflect.has(made(), key),
  });
}

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
  return pino({ name: 'meetnow', level, redact: REDACT, base: { pid: process.pid } }, stream);
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
