import { ActivityTypes, CloudAdapter, type Activity, type InvokeResponse, type ResourceResponse, type TurnContext } from 'botbuilder';
import {
  AuthenticationConstants,
  BotFrameworkAuthentication,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';
import { BoundedMap } from '../bounded-map';
import { DirectConnector } from './direct-connector';

/**
 * Shared clients kept per cache: connector clients per (bot, channel endpoint, audience), where Teams uses
 * a handful of regional service URLs; user-token clients per bot.
 */
const MAX_SHARED_CLIENTS = 256;

/** One value per key, made on first use; the oldest key goes past `MAX_SHARED_CLIENTS`, a failed one at once. */
function shared<T>(cache: BoundedMap<string, Promise<T>>, key: string, create: () => Promise<T>): Promise<T> {
  let value = cache.get(key);
  if (value === undefined) {
    value = create();
    value.catch(() => cache.delete(key));
    cache.set(key, value);
  }
  return value;
}

/** The bot a turn is for, as botbuilder's own factories read it: the audience, else the appid claim. */
const appIdOf = (claims: ClaimsIdentity) =>
  claims.getClaimValue(AuthenticationConstants.AudienceClaim) ?? claims.getClaimValue(AuthenticationConstants.AppIdClaim) ?? '';

/** Hands out one ConnectorClient per bot app id, service URL and audience. */
class SharedConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly appId: string,
    private readonly clients: BoundedMap<string, Promise<ConnectorClient>>,
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return shared(this.clients, `${this.appId}\n${serviceUrl}\n${audience ?? ''}`, () => this.inner.create(serviceUrl, audience));
  }
}

/**
 * botbuilder's authentication, minus the clients it builds for every turn: a ConnectorClient and a
 * UserTokenClient are each a whole Azure SDK pipeline, together about a sixth of an echo turn's CPU. They
 * hold no per-turn state and their credentials cache their own tokens, so one per bot app id (and service
 * URL) serves every turn, inbound and proactive.
 */
class SharedClientsAuthentication extends BotFrameworkAuthentication {
  private readonly connectorClients = new BoundedMap<string, Promise<ConnectorClient>>({ maxEntries: MAX_SHARED_CLIENTS });
  private readonly userTokenClients = new BoundedMap<string, Promise<UserTokenClient>>({ maxEntries: MAX_SHARED_CLIENTS });

  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.withSharedConnectors(await this.inner.authenticateRequest(activity, authHeader));
  }

  async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.withSharedConnectors(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new SharedConnectorFactory(this.inner.createConnectorFactory(claimsIdentity), appIdOf(claimsIdentity), this.connectorClients);
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return shared(this.userTokenClients, appIdOf(claimsIdentity), () => this.inner.createUserTokenClient(claimsIdentity));
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  private withSharedConnectors(result: AuthenticateRequestResult): AuthenticateRequestResult {
    if (result.connectorFactory === undefined) return result;
    return { ...result, connectorFactory: new SharedConnectorFactory(result.connectorFactory, appIdOf(result.claimsIdentity), this.connectorClients) };
  }
}

/** Activities botbuilder keeps to itself instead of posting them to the Bot Connector ('delay' has no enum member). */
const LOCAL_TYPES: ReadonlySet<string> = new Set(['delay', ActivityTypes.InvokeResponse, ActivityTypes.Trace]);

/**
 * CloudAdapter with authentication split from processing, so that every authentication failure — not only
 * botbuilder's own AuthenticationError — becomes a 401 at the HTTP edge, before any turn runs; and with
 * replies posted through the DirectConnector whenever the turn's credentials are Bot Framework app
 * credentials (always for the HTTP turns MeetNow serves; it serves no streaming connections).
 */
export class MeetNowAdapter extends CloudAdapter {
  private readonly sharedAuth: SharedClientsAuthentication;

  constructor(
    auth: BotFrameworkAuthentication,
    private readonly connector: DirectConnector,
  ) {
    const sharedAuth = new SharedClientsAuthentication(auth);
    super(sharedAuth);
    this.sharedAuth = sharedAuth;
  }

  authenticate(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.sharedAuth.authenticateRequest(activity, authHeader);
  }

  processAuthenticated(
    auth: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }

  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const credentials = this.directCredentials(context);
    if (credentials === undefined || activities.length === 0) return super.sendActivities(context, activities);
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (LOCAL_TYPES.has(activity.type ?? '')) {
        responses.push(...(await super.sendActivities(context, [activity])));
        continue;
      }
      // As botbuilder does: an outgoing activity never carries an id of its own.
      delete activity.id;
      responses.push(await this.connector.send(credentials, context.activity.serviceUrl, activity));
    }
    return responses;
  }

  override async updateActivity(context: TurnContext, activity: Partial<Activity>): Promise<ResourceResponse | void> {
    const credentials = this.directCredentials(context);
    if (credentials === undefined) return super.updateActivity(context, activity);
    const response = await this.connector.update(credentials, context.activity.serviceUrl, activity);
    return response.id === '' ? undefined : response;
  }

  private directCredentials(context: TurnContext) {
    const credentials = context.turnState.get<ConnectorClient | undefined>(this.ConnectorClientKey)?.credentials;
    return DirectConnector.supports(credentials) ? credentials : undefined;
  }
}
