import { isRecord } from '../guards';
/**
 * Teams mentions in a message: `<at>Megan Bowen</at>` in the text, with a `mention` entity naming who
 * (`mentioned.id` is the Teams user id, `29:…`; a channel, team or "everyone" mention names a `19:…`
 * conversation). Pure and total.
 */

export interface MentionEntity {
  type?: unknown;
  text?: unknown;
  mentioned?: unknown;
}

export interface MentionSource {
  text?: string;
  entities?: ReadonlyArray<MentionEntity | Record<string, unknown>>;
  recipient?: { id?: string };
}

export interface MentionedPerson {
  /** The Teams user id (`29:…`): the roster API turns it into an Entra object id. */
  id: string;
  name: string;
}

export interface ReadMentions {
  /** The text with the bot's mentions and the options removed and every other mention replaced by its name. */
  text: string;
  /** People mentioned, in order, each once. */
  people: MentionedPerson[];
  /** The channel, team or "everyone" was mentioned, or `--channel` was given: invite the conversation's members. */
  everyone: boolean;
  /** Tags (`@Designers`) cannot be expanded through the bot's roster API: their names, for a note. */
  tags: string[];
}

const MENTION = /<at(?:\s[^>]*)?>([\s\S]*?)<\/at>/gi;
const LEADING_MENTION = /^\s*<at(?:\s[^>]*)?>[\s\S]*?<\/at>/i;
// `--channel` (or `--all`, for group chats) as its own word; phones turn `--` into a dash.
const EVERYONE_OPTION = /(^|\s)(?:--|\u2014|\u2013)(?:channel|all|everyone)(?=\s|$)/gi;

interface Entity {
  text: string;
  id: string;
  name: string;
  kind: 'bot' | 'person' | 'everyone' | 'tag';
}

function entitiesOf(source: MentionSource): Entity[] {
  const botId = source.recipient?.id;
  const entities: Entity[] = [];
  for (const entity of source.entities ?? []) {
    if (!isRecord(entity) || entity.type !== 'mention' || !isRecord(entity.mentioned)) continue;
    const mentioned = entity.mentioned;
    const id = typeof mentioned.id === 'string' ? mentioned.id : '';
    const text = typeof entity.text === 'string' ? entity.text : '';
    const name = typeof mentioned.name === 'string' && mentioned.name.trim() !== '' ? mentioned.name.trim() : innerText(text);
    const type = typeof mentioned.type === 'string' ? mentioned.type.toLowerCase() : '';
    const kind: Entity['kind'] =
      id !== '' && id === botId
        ? 'bot'
        : type === 'tag'
          ? 'tag'
          : type === 'channel' || type === 'team' || id.startsWith('19:')
            ? 'everyone'
            : 'person';
    if (id === '' && kind === 'person') continue;
    entities.push({ text, id, name, kind });
  }
  return entities;
}

function innerText(markup: string): string {
  return markup.replace(/<\/?at(?:\s[^>]*)?>/gi, '').trim();
}

/**
 * Reads who a message mentions and rewrites its text for the command parser: the leading mention (the
 * bot, in channels and group chats) and any other mention of the bot are removed; a person's mention
 * becomes their name, so `/meet Budget with <at>Megan Bowen</at>` has the subject "Budget with Megan Bowen".
 */
export function readMentions(source: MentionSource): ReadMentions {
  const entities = entitiesOf(source);
  const used = new Set<Entity>();
  const people: MentionedPerson[] = [];
  const tags: string[] = [];
  let everyone = false;
  const raw = typeof source.text === 'string' ? source.text : '';
  const leading = LEADING_MENTION.exec(raw)?.[0];
  const rest = leading === undefined ? raw : raw.slice(leading.length);
  if (leading !== undefined) {
    const entity = entities.find((candidate) => !used.has(candidate) && candidate.text === leading.trim());
    if (entity !== undefined) used.add(entity);
    if (entity !== undefined && entity.kind !== 'bot') note(entity);
  }
  function note(entity: Entity): void {
    if (entity.kind === 'person' && !people.some((person) => person.id === entity.id)) people.push({ id: entity.id, name: entity.name });
    if (entity.kind === 'everyone') everyone = true;
    if (entity.kind === 'tag' && !tags.includes(entity.name)) tags.push(entity.name);
  }
  let text = rest.replace(MENTION, (markup: string, inner: string) => {
    const entity = entities.find((candidate) => !used.has(candidate) && candidate.text === markup);
    if (entity === undefined) return inner.trim();
    used.add(entity);
    if (entity.kind === 'bot') return '';
    note(entity);
    return entity.name;
  });
  text = text.replace(EVERYONE_OPTION, (_match: string, space: string) => {
    everyone = true;
    return space;
  });
  return { text, people, everyone, tags };
}
