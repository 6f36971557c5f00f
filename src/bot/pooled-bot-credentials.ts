import { ConfidentialClientApplication, type INetworkModule } from '@azure/msal-node';
import { AppCredentials, MicrosoftAppCredentials, ServiceClientCredentialsFactory, type AuthenticatorResult, type ServiceClientCredentials } from 'botframework-connector';
import { MeetNowError } from '../errors';

/**
 * The bot's Bot Framework token (client credentials with `MicrosoftAppPassword`) fetched through MeetNow's
 * Entra pool, so that it takes HTTPS_PROXY like every other call. botbuilder 4.23's MsalAppCredentials
 * builds its msal client with msal's default network module, which knows no proxy and reads no variable.
 */
class PooledAppCredentials extends AppCredentials {
  private readonly app: ConfidentialClientApplication;

  constructor(source: MicrosoftAppCredentials, networkClient: INetworkModule) {
    super(source.appId, undefined, source.oAuthScope);
    // botbuilder's choice of authority stays: botframework.com, the bot's tenant, or ToChannelFromBotLoginUrl.
    this.oAuthEndpoint = source.oAuthEndpoint;
    this.app = new ConfidentialClientApplication({
      auth: {
        clientId: source.appId,
        clientSecret: source.appPassword,
        authority: source.oAuthEndpoint,
        // As botbuilder's own client: the authority is trusted as configured, no instance discovery call.
        knownAuthorities: [new URL(source.oAuthEndpoint).host],
      },
      system: { networkClient },
    });
  }

  protected async refreshToken(): Promise<AuthenticatorResult> {
    const scope = this.oAuthScope.endsWith('/.default') ? this.oAuthScope : `${this.oAuthScope}/.default`;
    // AppCredentials keeps the token until it nears expiry, so msal's cache would only answer with an older one.
    const result = await this.app.acquireTokenByClientCredential({ scopes: [scope], skipCache: true });
    if (result === null || result.accessToken === '') throw new MeetNowError('bot_connector', `no Bot Framework token for ${this.appId} from ${this.oAuthEndpoint}`);
    return { accessToken: result.accessToken, expiresOn: result.expiresOn ?? new Date(Date.now() + 10 * 60_000) };
  }
}

/**
 * botbuilder's credential factory (MicrosoftAppType, tenant, authority as it reads them), with each
 * password credential's token fetched over `networkClient`. Certificate and managed-identity credentials
 * stay botbuilder's: the managed identity endpoint is link-local and never behind a proxy.
 */
export class PooledCredentialsFactory extends ServiceClientCredentialsFactory {
  constructor(
    private readonly inner: ServiceClientCredentialsFactory,
    private readonly networkClient: INetworkModule,
  ) {
    super();
  }

  isValidAppId(appId: string): Promise<boolean> {
    return this.inner.isValidAppId(appId);
  }

  isAuthenticationDisabled(): Promise<boolean> {
    return this.inner.isAuthenticationDisabled();
  }

  async createCredentials(appId: string, audience: string | undefined, loginEndpoint: string, validateAuthority: boolean): Promise<ServiceClientCredentials> {
    const credentials = await this.inner.createCredentials(appId, audience, loginEndpoint, validateAuthority);
    return credentials instanceof MicrosoftAppCredentials && credentials.appPassword ? new PooledAppCredentials(credentials, this.networkClient) : credentials;
  }
}
