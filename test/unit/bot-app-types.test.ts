import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { AuthenticationConstants, ClaimsIdentity, ManagedIdentityAppCredentials, MicrosoftAppCredentials } from 'botframework-connector';
import { DirectConnector } from '../../src/bot/direct-connector';
import { loadConfig } from '../../src/config';

/**
 * Each `MicrosoftAppType` the deployment guide documents, read by MeetNow's config and handed to botbuilder
 * the way src/index.ts does: botbuilder must accept it and sign replies with that identity. New Azure Bot
 * resources are single-tenant or user-assigned managed identity since 31 July 2025
 * (https://learn.microsoft.com/en-us/azure/bot-service/abs-quickstart).
 */
const BOT_APP = '11111111-2222-3333-4444-555555555555';
const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const GRAPH = { GRAPH_CLIENT_ID: '66666666-7777-8888-9999-000000000000', GRAPH_CLIENT_SECRET: 'graph-secret' };
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';

/** The credentials botbuilder gives a turn addressed to `appId` (the token's audience). */
async function replyCredentials(env: NodeJS.ProcessEnv, appId = BOT_APP) {
  const auth = new ConfigurationBotFrameworkAuthentication(loadConfig(env).botFrameworkSettings);
  const claims = new ClaimsIdentity([{ type: AuthenticationConstants.AudienceClaim, value: appId }], true);
  const client = await auth.createConnectorFactory(claims).create(SERVICE_URL, AuthenticationConstants.ToChannelFromBotOAuthScope);
  return client.credentials;
}

describe('botbuilder accepts every documented MicrosoftAppType', () => {
  it('MultiTenant (existing bots only): an app secret, tokens from the botframework.com tenant', async () => {
    const credentials = await replyCredentials({ MicrosoftAppType: 'MultiTenant', MicrosoftAppId: BOT_APP, MicrosoftAppPassword: 'bot-secret' });
    expect(credentials).toBeInstanceOf(MicrosoftAppCredentials);
    expect((credentials as MicrosoftAppCredentials).oAuthEndpoint).toBe('https://login.microsoftonline.com/botframework.com');
  });

  it("SingleTenant: an app secret, tokens from the bot's own tenant", async () => {
    const credentials = await replyCredentials({ MicrosoftAppType: 'SingleTenant', MicrosoftAppId: BOT_APP, MicrosoftAppPassword: 'bot-secret', MicrosoftAppTenantId: TENANT_ID });
    expect(credentials).toBeInstanceOf(MicrosoftAppCredentials);
    expect((credentials as MicrosoftAppCredentials).oAuthEndpoint).toBe(`https://login.microsoftonline.com/${TENANT_ID}`);
    expect(DirectConnector.supports(credentials)).toBe(true);
  });

  it('UserAssignedMSI: the managed identity (MicrosoftAppId = its client id), no password; Graph keeps its own app', async () => {
    const env = { MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppId: BOT_APP, MicrosoftAppTenantId: TENANT_ID, ...GRAPH };
    const credentials = await replyCredentials(env);
    expect(credentials).toBeInstanceOf(ManagedIdentityAppCredentials);
    expect((credentials as ManagedIdentityAppCredentials).appId).toBe(BOT_APP);
    // MeetNow's own Bot Connector client signs replies with these credentials too.
    expect(DirectConnector.supports(credentials)).toBe(true);
    expect(loadConfig(env).graph?.clientId).toBe(GRAPH.GRAPH_CLIENT_ID);
  });

  it.each([
    ['SingleTenant', { MicrosoftAppType: 'SingleTenant', MicrosoftAppId: BOT_APP, MicrosoftAppPassword: 'bot-secret', MicrosoftAppTenantId: TENANT_ID }],
    ['UserAssignedMSI', { MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppId: BOT_APP, MicrosoftAppTenantId: TENANT_ID, ...GRAPH }],
  ])('%s: a turn addressed to another app gets no credentials', async (_type, env) => {
    await expect(replyCredentials(env, '99999999-8888-7777-6666-555555555555')).rejects.toThrow(/Invalid/);
  });
});
