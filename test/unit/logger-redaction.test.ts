import { Writable } from 'node:stream';
import { createLogger, lazyChild } from '../../src/logger';

function capture(): { lines: () => Array<Record<string, unknown>>; raw: () => string; stream: Writable } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, raw: () => text, lines: () => text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('log redaction', () => {
  it('censors credentials at the top, one level down and in headers.authorization, never printing them', () => {
    const out = capture();
    const logger = createLogger('info', out.stream);
    const error = Object.assign(new Error('token request failed'), { accessToken: 'TOKEN-IN-ERROR' });
    logger.info({ secret: 'TOP-SECRET', authorization: 'Bearer TOP', settings: { clientSecret: 'NESTED-SECRET', clientId: 'app-1' } }, 'one');
    logger.info({ req: { method: 'POST', headers: { authorization: 'Bearer REQ', accept: 'application/json' } }, headers: { authorization: 'Bearer H' } }, 'two');
    logger.error({ err: error, credential: { privateKeyPem: '-----BEGIN PRIVATE KEY-----' } }, 'three');
    logger.child({ access_token: 'CHILD-TOKEN', activityId: 'a1' }).info({ outcome: 'ok' }, 'four');
    for (const secret of ['TOP-SECRET', 'Bearer', 'NESTED-SECRET', 'TOKEN-IN-ERROR', 'BEGIN PRIVATE KEY', 'CHILD-TOKEN']) expect(out.raw()).not.toContain(secret);
    const [one, two, three, four] = out.lines();
    expect(one).toMatchObject({ secret: '[redacted]', authorization: '[redacted]', settings: { clientSecret: '[redacted]', clientId: 'app-1' }, msg: 'one' });
    expect(two).toMatchObject({ req: { method: 'POST', headers: { authorization: '[redacted]', accept: 'application/json' } }, headers: { authorization: '[redacted]' } });
    expect(three).toMatchObject({ err: { type: 'Error', message: 'token request failed', accessToken: '[redacted]' }, credential: { privateKeyPem: '[redacted]' } });
    expect(four).toMatchObject({ access_token: '[redacted]', activityId: 'a1', outcome: 'ok' });
    // The objects the caller logged are left as they were.
    expect(error.accessToken).toBe('TOKEN-IN-ERROR');
  });

  it('logs through a lazy child as through the child itself: its bindings, the redaction, its level and its own children', () => {
    const out = capture();
    const logger = createLogger('info', out.stream);
    const log = lazyChild(logger, { correlationId: 'c1', secret: 'BOUND-SECRET' });
    log.info({ settings: { clientSecret: 'NESTED-SECRET' } }, 'one');
    log.child({ step: 'two' }).warn('two');
    log.level = 'warn';
    log.info('not written');
    expect(log.isLevelEnabled('info')).toBe(false);
    expect(logger.isLevelEnabled('info')).toBe(true);
    log.error({ err: Object.assign(new Error('failed'), { accessToken: 'TOKEN-IN-ERROR' }) }, 'three');
    for (const secret of ['BOUND-SECRET', 'NESTED-SECRET', 'TOKEN-IN-ERROR']) expect(out.raw()).not.toContain(secret);
    const [one, two, three, more] = out.lines();
    expect(one).toMatchObject({ correlationId: 'c1', secret: '[redacted]', settings: { clientSecret: '[redacted]' }, msg: 'one' });
    expect(two).toMatchObject({ correlationId: 'c1', step: 'two', msg: 'two' });
    expect(three).toMatchObject({ correlationId: 'c1', err: { message: 'failed', accessToken: '[redacted]' }, msg: 'three' });
    expect(more).toBeUndefined();
  });
});
