import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { loadConfig } from '../../src/config';
import { MeetNowError } from '../../src/errors';

const APP = '11111111-2222-3333-4444-555555555555';
const GRAPH_APP = '66666666-7777-8888-9999-000000000000';
const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';

function problems(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(MeetNowError);
    expect((error as MeetNowError).code).toBe('config_invalid');
    return (error as MeetNowError).message;
  }
  throw new Error('expected the configuration to be refused');
}

describe('loadConfig', () => {
  it('defaults to local mode on the embedded emulator, loopback only, port 3978', () => {
    const config = loadConfig({});
    expect(config.graph).toBeUndefined();
    expect(config.port).toBe(3978);
    expect(config.hosts).toEqual(['127.0.0.1', '::1']);
    expect(config.botAuthEnabled).toBe(false);
    expect(config.meetingsApi).toBe('users');
    expect(config.logLevel).toBe('info');
    expect(config.allowedTenants.size).toBe(0);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('with NODE_ENV=production never falls back to the embedded emulator: no Graph configuration is refused, naming what is missing', () => {
    const message = problems({ NODE_ENV: 'production', PORT: 'x' });
    expect(message).toMatch(/^Invalid configuration:/);
    expect(message).toMatch(/GRAPH_CLIENT_ID: no Graph configuration, and NODE_ENV=production never falls back to the embedded emulator: set GRAPH_CLIENT_ID and GRAPH_CLIENT_SECRET/);
    // Every other problem is still named in the same message.
    expect(message).toMatch(/PORT:/);
    expect(loadConfig({ NODE_ENV: 'production', MicrosoftAppId: APP, MicrosoftAppPassword: 'pw' }).graph?.clientId).toBe(APP);
    expect(loadConfig({ NODE_ENV: 'development' }).graph).toBeUndefined();
  });

  it('caps the bot port at 512 connections, 128 per client address, unless HTTP_MAX_CONNECTIONS / HTTP_MAX_CONNECTIONS_PER_CLIENT say otherwise', () => {
    expect(loadConfig({}).connections).toEqual({ maxConnections: 512, maxConnectionsPerClient: 128 });
    expect(loadConfig({ HTTP_MAX_CONNECTIONS: '4000', HTTP_MAX_CONNECTIONS_PER_CLIENT: 'off' }).connections).toEqual({ maxConnections: 4000, maxConnectionsPerClient: undefined });
    expect(loadConfig({ HTTP_MAX_CONNECTIONS_PER_CLIENT: '1000' }).connections.maxConnectionsPerClient).toBe(1000);
    const message = problems({ HTTP_MAX_CONNECTIONS: 'many', HTTP_MAX_CONNECTIONS_PER_CLIENT: '0' });
    expect(message).toMatch(/HTTP_MAX_CONNECTIONS: must be a whole number/);
    expect(message).toMatch(/HTTP_MAX_CONNECTIONS_PER_CLIENT: must be a whole number of at least 1, or off/);
    expect(problems({ HTTP_MAX_CONNECTIONS: '0' })).toMatch(/HTTP_MAX_CONNECTIONS: must be at least 1/);
  });

  it('treats blank values as unset', () => {
    expect(loadConfig({ PORT: '', MicrosoftAppId: '  ', MEETINGS_API: '' }).graph).toBeUndefined();
  });

  it('listens on all interfaces with JWT checks when MicrosoftAppId is set, and uses it for Graph', () => {
    const config = loadConfig({ MicrosoftAppId: APP, MicrosoftAppPassword: 'pw' });
    expect(config.botAuthEnabled).toBe(true);
    expect(config.hosts).toEqual(['::']);
    expect(config.graph).toMatchObject({
      clientId: APP,
      credential: { kind: 'secret', secret: 'pw' },
      authorityHost: 'https://login.microsoftonline.com',
      baseUrl: 'https://graph.microsoft.com',
      scope: 'https://graph.microsoft.com/.default',
    });
  });

  it('prefers GRAPH_CLIENT_ID/SECRET and honours every Graph override', () => {
    const config = loadConfig({
      MicrosoftAppId: APP,
      MicrosoftAppPassword: 'bot',
      GRAPH_CLIENT_ID: 'aaaaaaaa-2222-3333-4444-555555555555',
      GRAPH_CLIENT_SECRET: 'graph',
      AUTHORITY_HOST: 'https://login.example.test/',
      GRAPH_BASE_URL: 'https://graph.example.test',
      GRAPH_SCOPE: 'https://graph.example.test/.default',
      GRAPH_TENANT_ID: 'contoso.onmicrosoft.com',
      MEETINGS_API: 'app',
      ALLOWED_TENANTS: ' AAAAAAAA-0000-0000-0000-000000000001, aaaaaaaa-0000-0000-0000-000000000002 ',
      HOST: '0.0.0.0',
      PORT: '8080',
      LOG_LEVEL: 'DEBUG',
    });
    expect(config.graph).toMatchObject({
      clientId: 'aaaaaaaa-2222-3333-4444-555555555555',
      credential: { kind: 'secret', secret: 'graph' },
      authorityHost: 'https://login.example.test',
      baseUrl: 'https://graph.example.test',
      scope: 'https://graph.example.test/.default',
    });
    expect(config.graphTenantId).toBe('contoso.onmicrosoft.com');
    expect(config.meetingsApi).toBe('app');
    expect([...config.allowedTenants]).toEqual(['aaaaaaaa-0000-0000-0000-000000000001', 'aaaaaaaa-0000-0000-0000-000000000002']);
    expect(config.hosts).toEqual(['0.0.0.0']);
    expect(config.port).toBe(8080);
    expect(config.logLevel).toBe('debug');
  });

  it('hands the whole environment to botbuilder', () => {
    const config = loadConfig({ ToBotFromChannelOpenIdMetadataUrl: 'https://x.test/meta' });
    expect(config.botFrameworkSettings.ToBotFromChannelOpenIdMetadataUrl).toBe('https://x.test/meta');
  });

  it('offers HTTP/2 to Graph and Entra unless GRAPH_HTTP2=off', () => {
    expect(loadConfig({}).graphHttp2).toBe(true);
    expect(loadConfig({ GRAPH_HTTP2: 'ON' }).graphHttp2).toBe(true);
    expect(loadConfig({ GRAPH_HTTP2: 'off' }).graphHttp2).toBe(false);
    expect(problems({ GRAPH_HTTP2: 'false' })).toMatch(/GRAPH_HTTP2: must be on or off/);
  });

  it('books a meeting with a time in the calendar unless SCHEDULED_MEETINGS says online', () => {
    expect(loadConfig({}).scheduledMeetings).toBe('calendar');
    expect(loadConfig({ SCHEDULED_MEETINGS: ' Online ' }).scheduledMeetings).toBe('online');
    expect(problems({ SCHEDULED_MEETINGS: 'outlook' })).toMatch(/SCHEDULED_MEETINGS: must be calendar .* or online/);
  });

  it('lists every problem in one message', () => {
    const message = problems({
      PORT: 'eighty',
      MEETINGS_API: 'beta',
      AUTHORITY_HOST: 'http://login.example.test',
      ALLOWED_TENANTS: 'contoso',
      LOG_LEVEL: 'loud',
      MicrosoftAppId: 'not-a-guid',
    });
    for (const name of ['PORT', 'MEETINGS_API', 'AUTHORITY_HOST', 'ALLOWED_TENANTS', 'LOG_LEVEL', 'MicrosoftAppId']) {
      expect(message).toContain(`${name}:`);
    }
  });

  it('requires a credential when Graph is configured', () => {
    expect(problems({ GRAPH_CLIENT_ID: APP })).toContain('GRAPH_CLIENT_SECRET');
    expect(problems({ GRAPH_BASE_URL: 'https://graph.example.test' })).toContain('GRAPH_CLIENT_ID');
  });

  it('reads a PEM certificate and its key', async () => {
    const pems = await generate([{ name: 'commonName', value: 'meetnow' }], { keySize: 2048 });
    const dir = mkdtempSync(join(tmpdir(), 'meetnow-config-'));
    const both = join(dir, 'both.pem');
    writeFileSync(both, `${pems.private}\n${pems.cert}`);
    const config = loadConfig({ GRAPH_CLIENT_ID: APP, GRAPH_CLIENT_CERTIFICATE_PATH: both });
    expect(config.graph?.credential).toMatchObject({ kind: 'certificate', thumbprintSha256: expect.stringMatching(/^[0-9A-F]{64}$/) });

    const keyOnly = join(dir, 'key.pem');
    writeFileSync(keyOnly, pems.private);
    expect(problems({ GRAPH_CLIENT_ID: APP, GRAPH_CLIENT_CERTIFICATE_PATH: keyOnly })).toContain('both a private key and a certificate');
    expect(problems({ GRAPH_CLIENT_ID: APP, GRAPH_CLIENT_CERTIFICATE_PATH: join(dir, 'missing.pem') })).toContain('cannot read');
  });
});

describe('MicrosoftAppType', () => {
  it('is read case-insensitively, as botbuilder does', () => {
    expect(() => loadConfig({ MicrosoftAppType: 'multitenant' })).not.toThrow();
  });

  it('SingleTenant needs MicrosoftAppTenantId and MicrosoftAppId, said with the other problems', () => {
    const message = problems({ MicrosoftAppType: 'singletenant', PORT: 'x' });
    expect(message).toContain('MicrosoftAppTenantId: required when MicrosoftAppType is SingleTenant');
    expect(message).toContain('MicrosoftAppId: required when MicrosoftAppType is SingleTenant');
    expect(message).toContain('PORT:');
    expect(() => loadConfig({ MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TENANT_ID, MicrosoftAppId: APP, MicrosoftAppPassword: 'bot-secret' })).not.toThrow();
  });

  it('SingleTenant needs the bot app\'s own credential even when Graph has another app', () => {
    const bot = { MicrosoftAppType: 'SingleTenant', MicrosoftAppId: APP, MicrosoftAppTenantId: TENANT_ID, GRAPH_CLIENT_ID: GRAPH_APP, GRAPH_CLIENT_SECRET: 'graph-secret' };
    expect(problems(bot)).toContain('MicrosoftAppPassword: required when MicrosoftAppType is SingleTenant');
    // botbuilder's certificate settings are the other credential it accepts.
    expect(() => loadConfig({ ...bot, CertificateThumbprint: 'AB12', CertificatePrivateKey: 'pem' })).not.toThrow();
  });

  it('UserAssignedMSI needs the tenant and the identity, no password, and a Graph app of its own', () => {
    const message = problems({ MicrosoftAppType: 'userassignedmsi', MicrosoftAppPassword: 'a-secret' });
    expect(message).toContain('MicrosoftAppTenantId: required when MicrosoftAppType is UserAssignedMSI');
    expect(message).toContain("MicrosoftAppId: required when MicrosoftAppType is UserAssignedMSI (the managed identity's client id)");
    expect(message).toContain('MicrosoftAppPassword: must be empty when MicrosoftAppType is UserAssignedMSI');
    expect(message).toContain('GRAPH_CLIENT_ID: required when MicrosoftAppType is UserAssignedMSI');

    const msi = { MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppId: APP, MicrosoftAppTenantId: TENANT_ID };
    expect(problems(msi)).toContain('GRAPH_CLIENT_ID: required when MicrosoftAppType is UserAssignedMSI');
    const config = loadConfig({ ...msi, GRAPH_CLIENT_ID: GRAPH_APP, GRAPH_CLIENT_SECRET: 'graph-secret' });
    expect(config.botAppId).toBe(APP);
    expect(config.graph).toMatchObject({ clientId: GRAPH_APP, credential: { kind: 'secret', secret: 'graph-secret' } });
  });
});
