import { once, type EventEmitter } from 'node:events';
import type { Config } from './config';
import { MeetNowError } from './errors';

/** Resolves once the server listens on host:port; rejects with the server's 'error' (a port in use, …). */
export async function listen(server: EventEmitter & { listen(port: number, host: string): unknown }, port: number, host: string): Promise<void> {
  server.listen(port, host);
  await Promise.race([once(server, 'listening'), once(server, 'error').then(([error]) => Promise.reject(error))]);
}

/** A listen failure in words naming the address and the variables that chose it, instead of Node's stack. */
export function listenFailure(error: unknown, config: Config, host: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  const address = `${host.includes(':') ? `[${host}]` : host}:${config.port}`;
  const variables = config.hostOverride === undefined ? 'PORT' : 'PORT and HOST';
  const why =
    code === 'EADDRINUSE'
      ? 'the port is already in use by another program (stop it, or set PORT to a free port)'
      : code === 'EACCES'
        ? 'this process may not use that port (set PORT to 1024 or above)'
        : code === 'EADDRNOTAVAIL'
          ? `${host} is not an address of this machine (fix HOST, or leave it unset)`
          : undefined;
  if (why === undefined) return error;
  const values = `PORT=${config.port}${config.hostOverride === undefined ? '' : `, HOST=${config.hostOverride}`}`;
  return new MeetNowError('config_invalid', `Invalid configuration:\n  - ${variables}: cannot listen on ${address}: ${why} [${values}]`);
}
