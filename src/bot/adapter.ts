import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import {
  ConnectorFactory,
  JwtTokenValidation,
  type AuthenticateRequestResult,
  type BotFrameworkAuthentication,
  type ConnectorClient,
} from 'botframework-connector';

/** Distinct (bot, channel endpoint, audience) triples kept; Teams uses a handful of regional service URLs. */
const MAX_CONNECTOR_CLIENTS = 256;

/**
 * Hands out one ConnectorClient per bot app id, service URL and audience. botbuilder's own factory builds a
 * new client — a whole Azure SDK pipeline — for every turn, about a tenth of an echo turn's CPU; the
 * clients hold no per-turn state and their credentials cache their own tokens, so one serves every turn.
 */
class SharedConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly appId: string,
    private readonly clients: Map<string, Promise<ConnectorClient>>,
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    const key = `${this.appId}\n${serviceUrl}\n${audience ?? ''}`;
    let client = this.clients.get(key);
    if (client === undefined) {
      client = this.inner.create(serviceUrl, audience);
      client.catch(() => this.clients.delete(key));
      if (this.clients.size >= MAX_CONNECTOR_CLIENTS) this.clients.delete(this.clients.keys().next().value as string);
      this.clients.set(key, client);
    }
    return client;
  }
}

/**
 * CloudAdapter with authentication split from processing, so that every authentication failure — not only
 * botbuilder's own AuthenticationError — becomes a 401 at the HTTP edge, before any turn runs.
 */
export class MeetNowAdapter extends CloudAdapter {
  private readonly connectorClients = new Map<string, Promise<ConnectorClient>>();

  constructor(private readonly auth: BotFrameworkAuthentication) {
    super(auth);
  }

  async authenticate(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await this.auth.authenticateRequest(activity, authHeader);
    if (result.connectorFactory === undefined) return result;
    const appId = JwtTokenValidation.getAppIdFromClaims(result.claimsIdentity.claims) ?? '';
    return { ...result, connectorFactory: new SharedConnectorFactory(result.connectorFactory, appId, this.connectorClients) };
  }

  processAuthenticated(
    auth: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }
}
