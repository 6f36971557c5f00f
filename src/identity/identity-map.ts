import { readFileSync, unwatchFile, watchFile } from 'node:fs';
import { z } from 'zod';
import { channelAccountChannels } from '../channels/capabilities';
import { MeetNowError } from '../errors';
import { GUID } from '../guards';

const guid = z.string().regex(GUID, 'must be a GUID');

const entrySchema = z.union([
  z.strictObject({ aadObjectId: guid, tenantId: guid }),
  z.strictObject({ userPrincipalName: z.string().regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'must look like user@domain'), tenantId: guid }),
]);

/** Where a non-Teams sender's Microsoft 365 identity comes from. */
export type MappedIdentity = { aadObjectId: string; tenantId: string } | { userPrincipalName: string; tenantId: string };

/**
 * Bot Framework channel ids are lower case (`slack`, `webchat`, `directline`…); Slack's own user and team ids
 * are upper case (`U0ABC123:T0XYZ789`). So `slack:U0ABC123:T0XYZ789` names its channel, and a key that
 * starts with an upper-case id is a Slack sender, as it was before channel-qualified keys existed.
 */
const QUALIFIED_KEY = /^([a-z][a-z0-9-]*):(.+)$/s;
const UNQUALIFIED_CHANNEL = 'slack';

/** `<channel>:<from.id>`: how entries are held and looked up. */
export function identityKey(channelId: string, senderId: string): string {
  return `${channelId}:${senderId}`;
}

/** The channel-qualified key of a map entry, or why the entry can never apply. */
function qualify(key: string): { key: string } | { problem: string } {
  const qualified = QUALIFIED_KEY.exec(key);
  if (qualified === null) return { key: identityKey(UNQUALIFIED_CHANNEL, key) };
  const [, channelId = '', senderId = ''] = qualified;
  const trusted = channelAccountChannels();
  if (!trusted.includes(channelId)) {
    return {
      problem:
        `entry "${key}": on ${channelId} the client chooses from.id, so this entry would let anyone pose as this user; ` +
        `only channels whose service sets from.id are mapped (${trusted.join(', ')})`,
    };
  }
  return { key: identityKey(channelId, senderId) };
}

/**
 * Parses and validates an identity map; the error names every bad entry by its key. Keys are `from.id` as a
 * channel service sets it, optionally prefixed by the channel (`slack:U0ABC123:T0XYZ789`); an unprefixed key
 * is a Slack sender. The returned map is keyed by `identityKey(channel, from.id)`.
 */
export function parseIdentityMap(text: string, source: string): ReadonlyMap<string, MappedIdentity> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new MeetNowError('config_invalid', `IDENTITY_MAP_PATH: ${source} is not valid JSON (${(error as Error).message})`);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new MeetNowError('config_invalid', `IDENTITY_MAP_PATH: ${source} must hold a JSON object keyed by sender id (slack:<user>:<team>, or <user>:<team> for Slack)`);
  }
  const problems: string[] = [];
  const map = new Map<string, MappedIdentity>();
  for (const [key, value] of Object.entries(json)) {
    const parsed = entrySchema.safeParse(value);
    if (!parsed.success) {
      problems.push(
        `entry "${key}": expected {"aadObjectId","tenantId"} or {"userPrincipalName","tenantId"} with GUID ids (${parsed.error.issues
          .map((issue) => `${issue.path.join('.') || 'value'} ${issue.message}`)
          .join('; ')})`,
      );
      continue;
    }
    const target = qualify(key);
    if ('problem' in target) {
      problems.push(target.problem);
      continue;
    }
    if (map.has(target.key)) {
      problems.push(`entry "${key}": the same sender as another entry (an unprefixed key is a Slack sender)`);
      continue;
    }
    const entry = parsed.data;
    map.set(target.key, 'aadObjectId' in entry ? { aadObjectId: entry.aadObjectId.toLowerCase(), tenantId: entry.tenantId.toLowerCase() } : { ...entry, tenantId: entry.tenantId.toLowerCase() });
  }
  if (problems.length > 0) {
    throw new MeetNowError('config_invalid', `IDENTITY_MAP_PATH: ${source} has invalid entries:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
  return map;
}

export interface IdentityMapEvents {
  onReload?: (entries: number) => void;
  /** A changed file that no longer validates: the previous map stays in force. */
  onReloadError?: (error: MeetNowError) => void;
}

/** The identity map file: validated at start-up (a bad file stops the bot) and reloaded when it changes. */
export class IdentityMapFile {
  private entries: ReadonlyMap<string, MappedIdentity>;
  private watching = false;

  constructor(
    private readonly path: string,
    private readonly events: IdentityMapEvents = {},
  ) {
    this.entries = IdentityMapFile.read(path);
  }

  private static read(path: string): ReadonlyMap<string, MappedIdentity> {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new MeetNowError('config_invalid', `IDENTITY_MAP_PATH: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    return parseIdentityMap(text, path);
  }

  lookup(channelId: string, senderId: string): MappedIdentity | undefined {
    return this.entries.get(identityKey(channelId, senderId));
  }

  get size(): number {
    return this.entries.size;
  }

  /** Polls the file (robust to editors that replace it) and swaps the map in when a valid version appears. */
  watch(intervalMs = 1_000): void {
    if (this.watching) return;
    this.watching = true;
    watchFile(this.path, { interval: intervalMs, persistent: false }, (current, previous) => {
      if (current.mtimeMs === previous.mtimeMs && current.size === previous.size) return;
      try {
        this.entries = IdentityMapFile.read(this.path);
        this.events.onReload?.(this.entries.size);
      } catch (error) {
        this.events.onReloadError?.(error as MeetNowError);
      }
    });
  }

  close(): void {
    if (this.watching) unwatchFile(this.path);
    this.watching = false;
  }
}
