import type { GraphSettings } from '../config';
import type { MeetNowError } from '../errors';

/** The URL a tenant's admin opens to consent to the app (and its application permissions) in that tenant. */
export function consentUrl(graph: GraphSettings, tenant: string): string {
  return `${graph.authorityHost}/${encodeURIComponent(tenant)}/adminconsent?client_id=${encodeURIComponent(graph.clientId)}`;
}

export function credentialFix(graph: GraphSettings): string[] {
  if (graph.credential.kind === 'certificate') {
    return [
      `Entra rejected the certificate of app ${graph.clientId}. Entra admin center → App registrations → the app (${graph.clientId}) → Certificates & secrets → Certificates:`,
      `  the certificate with SHA-256 thumbprint ${graph.credential.thumbprintSha256} must be uploaded there and not expired.`,
      'Upload the public certificate (.cer/.pem) of the PEM file in GRAPH_CLIENT_CERTIFICATE_PATH, or point that variable at the right file.',
    ];
  }
  return [
    `Entra rejected the client secret of app ${graph.clientId} (wrong, expired, or the secret's ID was used instead of its value).`,
    `Entra admin center → App registrations → the app (${graph.clientId}) → Certificates & secrets → Client secrets → New client secret;`,
    '  copy its Value (shown once; not the Secret ID) into GRAPH_CLIENT_SECRET — or MicrosoftAppPassword when GRAPH_CLIENT_ID is empty — and restart.',
    'Check that GRAPH_CLIENT_ID is the Application (client) ID of that same registration.',
  ];
}

export function consentFix(graph: GraphSettings, tenant: string): string[] {
  return [
    `App ${graph.clientId} is not consented in tenant ${tenant} (no service principal there), or GRAPH_CLIENT_ID is wrong.`,
    'A Global Administrator or Privileged Role Administrator of that tenant opens this URL, signs in and accepts:',
    `  ${consentUrl(graph, tenant)}`,
    'In the app\'s home tenant the same is: Entra admin center → App registrations → the app → API permissions → Grant admin consent.',
  ];
}

/** App-only tokens exist only for `<resource>/.default` (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow). */
export function scopeFix(graph: GraphSettings): string[] {
  return [
    `GRAPH_SCOPE is "${graph.scope}": Entra issues app-only tokens only for one resource followed by /.default.`,
    'Unset GRAPH_SCOPE (the default is https://graph.microsoft.com/.default), or set it to the Graph of your cloud with /.default',
    '  (for example https://graph.microsoft.us/.default with AUTHORITY_HOST=https://login.microsoftonline.us).',
  ];
}

export function roleFix(graph: GraphSettings, tenant: string, role = 'OnlineMeetings.ReadWrite.All'): string[] {
  return [
    `Entra admin center → App registrations → the app (${graph.clientId}) → API permissions → Add a permission → Microsoft Graph →`,
    `  Application permissions → ${role} → Add permissions → Grant admin consent for <tenant>.`,
    `In another tenant, its admin consents again (the new permission needs a new consent): ${consentUrl(graph, tenant)}`,
    'Or with PowerShell (Microsoft Graph module), as an admin of the tenant:',
    '  Connect-MgGraph -Scopes Application.ReadWrite.All,AppRoleAssignment.ReadWrite.All',
    `  $sp = Get-MgServicePrincipal -Filter "appId eq '${graph.clientId}'"`,
    '  $graph = Get-MgServicePrincipal -Filter "appId eq \'00000003-0000-0000-c000-000000000000\'"',
    `  $role = $graph.AppRoles | Where-Object { $_.Value -eq "${role}" }`,
    '  New-MgServicePrincipalAppRoleAssignment -ServicePrincipalId $sp.Id -PrincipalId $sp.Id -ResourceId $graph.Id -AppRoleId $role.Id',
    'Tokens are cached for up to an hour: restart MeetNow after granting.',
  ];
}

/**
 * Calendars.ReadWrite as an application permission reaches every mailbox; Exchange Online narrows it to some:
 * RBAC for Applications (https://learn.microsoft.com/exchange/permissions-exo/application-rbac), which replaces
 * application access policies (https://learn.microsoft.com/powershell/module/exchange/new-applicationaccesspolicy).
 */
export function calendarRoleFix(graph: GraphSettings, tenant: string): string[] {
  return [
    ...roleFix(graph, tenant, 'Calendars.ReadWrite'),
    'To let MeetNow touch only some mailboxes, an Exchange admin scopes it (Exchange Online PowerShell), e.g. to a group:',
    `  New-ServicePrincipal -AppId "${graph.clientId}" -ObjectId <the app's enterprise application object id> -DisplayName MeetNow`,
    '  New-ManagementScope -Name MeetNow-Organizers -RecipientRestrictionFilter "MemberOfGroup -eq \'<group distinguished name>\'"',
    `  New-ManagementRoleAssignment -App "${graph.clientId}" -Role "Application Calendars.ReadWrite" -CustomResourceScope MeetNow-Organizers`,
    '  and then remove the tenant-wide Calendars.ReadWrite grant in Entra (RBAC for Applications adds to it; it does not narrow it).',
    'Or set SCHEDULED_MEETINGS=online: meetings with a time are then standalone meetings in no calendar (no Calendars.ReadWrite needed).',
  ];
}

export function accessPolicyFix(clientId: string, organizer: string): string[] {
  return [
    'A Teams administrator runs, in PowerShell with the MicrosoftTeams module:',
    '  Connect-MicrosoftTeams',
    `  New-CsApplicationAccessPolicy -Identity MeetNow-Policy -AppIds "${clientId}" -Description "Allow MeetNow to create meetings"`,
    `  Grant-CsApplicationAccessPolicy -PolicyName MeetNow-Policy -Identity "${organizer}"   # this user, or -Global for everyone`,
    'If MeetNow-Policy already exists, add the app instead: Set-CsApplicationAccessPolicy -Identity MeetNow-Policy -AppIds @{Add="' + clientId + '"}',
    'The policy takes up to 30 minutes to apply; run the doctor again afterwards.',
  ];
}

export function networkFix(url: string, variable: string): string[] {
  const host = new URL(url).host;
  return [
    `Allow outbound HTTPS from this host to ${host} (firewall, proxy, DNS); test with: curl -sS -o /dev/null -w "%{http_code}\\n" ${url}`,
    `Check ${variable} (${url}). A TLS error with a private or intercepting CA needs NODE_EXTRA_CA_CERTS=/path/to/ca.pem.`,
  ];
}

/** Graph roots per cloud: https://learn.microsoft.com/graph/deployments#microsoft-graph-and-graph-explorer-service-root-endpoints */
export function graphRootFix(baseUrl: string, probed: string): string[] {
  return [
    `GRAPH_BASE_URL (${baseUrl}) must be the root of Microsoft Graph for your cloud, without /v1.0: https://graph.microsoft.com`,
    '  (US Government: https://graph.microsoft.us or https://dod-graph.microsoft.us; China: https://microsoftgraph.chinacloudapi.cn).',
    `If it is, a proxy or firewall answers in Graph's place: curl -sS -o /dev/null -w "%{http_code}\\n" ${probed} should print 200.`,
  ];
}

/** Graph's own refusals of any call: the token it rejected, or a busy Graph. */
export function graphRefusalFix(error: MeetNowError): string[] {
  if (error.code === 'graph_unauthorized') {
    return [
      'Graph rejected the token itself: GRAPH_SCOPE must be the Graph resource of the same cloud with /.default',
      '  (https://graph.microsoft.com/.default), and AUTHORITY_HOST and GRAPH_BASE_URL must belong to the same cloud.',
    ];
  }
  return ['Graph is busy or unavailable right now: run the doctor again in a few minutes (https://status.cloud.microsoft).'];
}

export function meetingFailureFix(error: MeetNowError, graph: GraphSettings, tenant: string, organizer: string): string[] {
  switch (error.code) {
    case 'graph_permission_missing':
      return roleFix(graph, tenant);
    case 'graph_organizer_not_found':
      return [
        `Graph knows no organizer ${organizer} in tenant ${tenant}. Use the user's Entra object id from that tenant`,
        '  (Entra admin center → Users → the user → Object ID), not a UPN; the user needs a Microsoft Teams licence.',
      ];
    case 'graph_app_api_retired':
      return ['Graph refuses the deprecated POST /beta/app/onlineMeetings: set MEETINGS_API=users (the default; the same permission and access policy apply) and restart MeetNow.'];
    case 'graph_organizer_not_eligible':
      return ['Guests cannot organize Teams meetings, and the organizer needs a Microsoft Teams licence (Microsoft 365 admin center → Users → Licenses and apps).'];
    case 'graph_unauthorized':
    case 'graph_throttled':
    case 'graph_unavailable':
      return graphRefusalFix(error);
    default:
      return [`Quote Graph's request-id ${error.requestId ?? '(none)'} and the time when you ask Microsoft support.`];
  }
}
