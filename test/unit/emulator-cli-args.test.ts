import { parseCliArgs } from '../../src/emulator/cli-args';

describe('emulator CLI arguments', () => {
  it('defaults to an ephemeral loopback port without latency', () => {
    expect(parseCliArgs([])).toEqual({ ok: true, args: { port: 0, host: '127.0.0.1', latencyMs: 0, autoProvision: false, accessPolicyDenial: 'General' } });
  });

  it('reads every flag, separated or with =', () => {
    expect(parseCliArgs(['--port', '4000', '--host=::1', '--latency', '25', '--ca-out', '/tmp/ca.pem', '--auto-provision', '--access-policy-denial', 'Unauthorized'])).toEqual({
      ok: true,
      args: { port: 4000, host: '::1', latencyMs: 25, caOut: '/tmp/ca.pem', autoProvision: true, accessPolicyDenial: 'Unauthorized' },
    });
  });

  it('lists every problem at once', () => {
    const result = parseCliArgs(['--port', '70000', '--latency', 'soon', '--verbose', '--access-policy-denial=Forbidden', '--ca-out']);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      "--port needs an integer from 0 to 65535, got '70000'",
      "--latency needs an integer from 0 to 600000, got 'soon'",
      "unknown argument '--verbose'",
      "--access-policy-denial needs General or Unauthorized, got 'Forbidden'",
      '--ca-out needs a file path',
    ]);
  });
});
