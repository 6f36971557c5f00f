import pino, { type Logger } from 'pino';
import type { LogLevel } from './config';

/**
 * Keys whose value could be a credential. They are censored in the log object and its bindings, one level
 * below (`*.secret`, `err.accessToken`) and in `*.headers.authorization`.
 *
 * Hand-written rather than pino's `redact` option: that one runs a path-parsing redactor on every property
 * of every line (about 20 µs and a sixth of all the bytes a `/meet` turn allocates, in the profile of the
 * benchmark); this walk costs a microsecond and copies nothing unless a secret is there.
 */
const SECRET_KEYS: ReadonlySet<string> = new Set(['authorization', 'secret', 'clientSecret', 'accessToken', 'access_token', 'privateKey', 'privateKeyPem']);
const CENSOR = '[redacted]';

type Fields = Record<string, unknown>;
const isObject = (value: unknown): value is Fields => value !== null && typeof value === 'object';

/** An own-property copy with the same prototype, so an Error stays an Error for pino's serializer. */
function copyOf(source: Fields): Fields {
  const copy = (Array.isArray(source) ? [] : Object.create(Object.getPrototypeOf(source) as object)) as Fields;
  for (const key of Object.getOwnPropertyNames(source)) copy[key] = source[key];
  return copy;
}

/** `fields` with its secret keys censored and `below` levels under it walked too; the same object when clean. */
export function redactSecrets(fields: Fields, below = 1): Fields {
  let copy: Fields | undefined;
  for (const key in fields) {
    if (!Object.prototype.hasOwnProperty.call(fields, key)) continue;
    const value = fields[key];
    let clean = value;
    if (SECRET_KEYS.has(key)) clean = value === undefined ? value : CENSOR;
    else if (below > 0 && isObject(value)) clean = redactSecrets(value, key === 'headers' ? 0 : below - 1 + (isObject(value.headers) ? 1 : 0));
    if (clean !== value) {
      copy ??= copyOf(fields);
      copy[key] = clean;
    }
  }
  return copy ?? fields;
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
  const logger = pino(
    {
      name: 'meetnow',
      level,
      formatters: { log: (fields) => redactSecrets(fields), bindings: (bindings) => redactSecrets(bindings) },
      base: { pid: process.pid },
    },
    stream,
  );
  // pino applies no bindings formatter to child loggers: censor their bindings on the way in. A child
  // inherits from its parent instance, so this covers every descendant.
  type ChildMethod = (this: unknown, bindings: pino.Bindings, childOptions?: unknown) => unknown;
  const child = logger.child as unknown as ChildMethod;
  const censoredChild: ChildMethod = function (bindings, childOptions) {
    return child.call(this, redactSecrets(bindings), childOptions);
  };
  logger.child = censoredChild as unknown as typeof logger.child;
  return logger;
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
