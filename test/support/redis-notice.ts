import { REDIS_INSTALL_HINT, redisRequired, redisServerInstalled } from './redis-server';

/** Jest's globalTeardown: one line, under the summary, when the Redis tests were skipped. */
export default function redisNotice(): void {
  if (redisServerInstalled() || redisRequired()) return;
  process.stdout.write(`\nThe tests that need a real redis-server were skipped; install it to run them: ${REDIS_INSTALL_HINT}.\n`);
}
