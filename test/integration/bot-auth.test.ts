import { randomUUID } from 'node:crypto';
import type { Harness } from '../support/harness';
import { BotFrameworkIssuer, forgerKey, outboundClaims, useAuthenticatedHarness } from '../support/bot-framework-issuer';
import { teamsMessage } from '../support/teams-activity';

/**
 * Inbound Bot Framework authentication with real RS256 tokens from a loopback issuer, configured the way an
 * operator would: botbuilder's own ToBotFromChannelOpenIdMetadataUrl / ToBotFromChannelTokenIssuer settings in
 * the environment.
 */
describe('inbound Bot Framework authentication (MicrosoftAppId set)', () => {
  const appId = randomUUID();
  let issuer: BotFrameworkIssuer;
  let h: Harness;
  useAuthenticatedHarness(appId, (started) => ({ h, issuer } = started));

  const meet = () => teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet Authenticated' });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it('a valid token is accepted: the meeting is created and the reply goes out with the bot credentials', async () => {
    const activity = meet();
    const response = await h.post(activity, bearer(await issuer.token(activity.serviceUrl as string)));
    expect(response.status).toBe(200);
    expect(h.emulator.meetings()).toHaveLength(1);
    expect(h.connector.messages).toHaveLength(1);
    // The Bot Connector checks it (the fake too, in production mode): a token for api.botframework.com issued to this bot.
    expect(outboundClaims(h.connector.messages[0]?.authorization)).toMatchObject({ aud: 'https://api.botframework.com', appid: appId });
  });

  const rejected: Array<[string, (serviceUrl: string) => Promise<Record<string, string>>]> = [
    ['no Authorization header', async () => ({})],
    ['an empty Bearer', async () => ({ authorization: 'Bearer ' })],
    ['another scheme', async (url) => ({ authorization: `Basic ${await issuer.token(url)}` })],
    ['garbage', async () => bearer('not.a.jwt')],
    ['a forged signature (another key, the same kid)', async (url) => bearer(await issuer.token(url, {}, await forgerKey()))],
    ['an unknown key id', async (url) => bearer(await issuer.token(url, { kid: 'unknown-kid' }))],
    ['an expired token', async (url) => bearer(await issuer.token(url, { expiresIn: -600 }))],
    ['a token not yet valid', async (url) => bearer(await issuer.token(url, { notBefore: 600 }))],
    ['a wrong audience', async (url) => bearer(await issuer.token(url, { aud: randomUUID() }))],
    ['a wrong issuer', async (url) => bearer(await issuer.token(url, { iss: 'https://evil.example' }))],
    ['a serviceurl claim for another service', async (url) => bearer(await issuer.token(url, { serviceurl: 'http://127.0.0.1:9/evil/' }))],
    ['alg none', async (url) => bearer(issuer.unsigned(url))],
    ['a tampered payload', async (url) => {
      const [header, , signature] = (await issuer.token(url)).split('.');
      const payload = Buffer.from(JSON.stringify({ iss: 'x', aud: appId, serviceurl: url })).toString('base64url');
      return bearer(`${header}.${payload}.${signature}`);
    }],
    ['a token claiming to come from the Bot Framework Emulator', async (url) =>
      bearer(await issuer.token(url, { iss: 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/' }))],
  ];

  it.each(rejected)('%s → 401, no token request, no Graph call, no reply', async (_name, headers) => {
    const activity = meet();
    const response = await h.post(activity, await headers(activity.serviceUrl as string));
    expect(response.status).toBe(401);
    expect(h.emulator.tokenRequests).toHaveLength(0);
    expect(h.emulator.graphRequests).toHaveLength(0);
    expect(h.emulator.meetings()).toHaveLength(0);
    expect(h.connector.calls).toHaveLength(0);
    expect(h.logs.lines.some((line) => line.msg === 'request failed Bot Framework authentication')).toBe(true);
  });

  it('a token is bound to its serviceUrl: replaying it with another serviceUrl → 401', async () => {
    const activity = meet();
    const token = await issuer.token(activity.serviceUrl as string);
    const replay = { ...activity, serviceUrl: 'http://127.0.0.1:9/attacker/' };
    expect((await h.post(replay, bearer(token))).status).toBe(401);
    expect(h.emulator.graphRequests).toHaveLength(0);
  });

  it('keeps serving after a storm of bad tokens', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const activity = meet();
        const token = i % 2 === 0 ? issuer.unsigned(activity.serviceUrl as string) : await issuer.token(activity.serviceUrl as string, { aud: 'x' });
        return (await h.post(activity, bearer(token))).status;
      }),
    );
    expect(new Set(statuses)).toEqual(new Set([401]));
    const activity = meet();
    expect((await h.post(activity, bearer(await issuer.token(activity.serviceUrl as string)))).status).toBe(200);
    expect(h.emulator.meetings()).toHaveLength(1);
  });
});

/**
 * The Bot Connector takes a reply only with a token for `https://api.botframework.com` issued to the bot
 * (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication); the fake
 * checks the same in production mode, so a bot asking Entra for another audience cannot pass these tests.
 */
describe('outbound Bot Connector token (MicrosoftAppId set)', () => {
  const appId = randomUUID();
  let issuer: BotFrameworkIssuer;
  let h: Harness;
  useAuthenticatedHarness(appId, (started) => ({ h, issuer } = started), {
    // botbuilder's own setting for the outbound audience, set wrong as an operator might.
    env: { ToChannelFromBotOAuthScope: 'https://graph.microsoft.com' },
    meetNow: { timing: { deliveryRetryDelaysMs: [10] } },
  });

  it('a reply carrying a token for another audience is refused with 401: nothing shows, the meeting is logged with its join URL', async () => {
    const activity = teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet Wrong audience' });
    expect((await h.post(activity, { authorization: `Bearer ${await issuer.token(activity.serviceUrl as string)}` })).status).toBe(200);
    await h.connector.waitFor(() => h.logs.lines.some((line) => line.outcome === 'reply_undelivered'));
    expect(h.connector.messages).toHaveLength(0);
    expect(h.connector.refused.map((call) => [call.status, call.code])).toEqual([[401, 'Unauthorized']]);
    const joinUrl = (h.emulator.meetings()[0]?.resource as { joinWebUrl?: string } | undefined)?.joinWebUrl;
    expect(h.logs.lines.find((line) => line.outcome === 'reply_undelivered')).toMatchObject({ level: 50, joinUrl });
  });
});
