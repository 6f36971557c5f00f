import { loadConfig } from '../../src/config';
import { ReadinessProbe } from '../../src/ops/readiness';
import { MeetNowError } from '../../src/errors';

describe('operations configuration', () => {
  it('serves metrics on loopback port 9464 by default, and LOG_FORMAT is auto', () => {
    const config = loadConfig({});
    expect(config.metrics).toEqual({ host: '127.0.0.1', port: 9464 });
    expect(config.logFormat).toBe('auto');
  });

  it.each(['off', 'OFF', 'none', 'false', 'disabled'])('METRICS_PORT=%s turns metrics off', (value) => {
    expect(loadConfig({ METRICS_PORT: value }).metrics).toBeUndefined();
  });

  it('takes METRICS_HOST and METRICS_PORT, and an empty METRICS_PORT means the default', () => {
    expect(loadConfig({ METRICS_PORT: '9100', METRICS_HOST: '0.0.0.0' }).metrics).toEqual({ host: '0.0.0.0', port: 9100 });
    expect(loadConfig({ METRICS_PORT: ' ' }).metrics?.port).toBe(9464);
  });

  it('names every bad operations variable at once', () => {
    let error: unknown;
    try {
      loadConfig({ METRICS_PORT: 'nine', LOG_FORMAT: 'xml' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MeetNowError);
    expect((error as Error).message).toMatch(/METRICS_PORT: must be a port number \(0-65535\) or off/);
    expect((error as Error).message).toMatch(/LOG_FORMAT: must be auto, json or pretty/);
    expect(() => loadConfig({ METRICS_PORT: '70000' })).toThrow(/METRICS_PORT/);
  });

  it('probes readiness in GRAPH_TENANT_ID, else MicrosoftAppTenantId', () => {
    const tenant = '72f988bf-86f1-41af-91ab-2d7cd011db47';
    expect(loadConfig({ MicrosoftAppTenantId: tenant }).readinessTenantId).toBe(tenant);
    expect(loadConfig({}).readinessTenantId).toBeUndefined();
  });
});

describe('ReadinessProbe', () => {
  it('is not ready when the token request hangs past its deadline, and shares one probe among concurrent checks', async () => {
    let calls = 0;
    const probe = new ReadinessProbe({ tokens: { getToken: () => (calls++, new Promise<string>(() => undefined)) }, tenantId: 't', timeoutMs: 20 });
    const [first, second] = await Promise.all([probe.check(), probe.check()]);
    expect(first).toMatchObject({ ready: false, status: 'not_ready', code: 'network', token: 'failed' });
    expect(second).toBe(first);
    expect(calls).toBe(1);
  });

  it('reports each change of outcome once, not each probe', async () => {
    let failing = true;
    const changes: string[] = [];
    const probe = new ReadinessProbe({
      tokens: { getToken: async () => (failing ? Promise.reject(new MeetNowError('token_invalid_client', 'AADSTS7000222: the client secret keys are expired')) : 'token') },
      tenantId: 't',
      cacheMs: 0,
      onChange: (report) => changes.push(`${report.status}:${report.code ?? ''}`),
    });
    await probe.check();
    await probe.check();
    failing = false;
    await probe.check();
    await probe.check();
    expect(changes).toEqual(['not_ready:token_invalid_client', 'ready:']);
  });

  it('reuses a result while it is fresh and asks again afterwards', async () => {
    let calls = 0;
    const probe = new ReadinessProbe({ tokens: { getToken: async () => (calls++, 'token') }, tenantId: 't', cacheMs: 0 });
    await probe.check();
    await probe.check();
    expect(calls).toBe(2);
    const cached = new ReadinessProbe({ tokens: { getToken: async () => (calls++, 'token') }, tenantId: 't', cacheMs: 60_000 });
    await cached.check();
    await cached.check();
    expect(calls).toBe(3);
    cached.markShuttingDown();
    expect(await cached.check()).toMatchObject({ ready: false, status: 'shutting_down' });
  });
});
