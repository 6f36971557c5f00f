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

// Where a tag may start: `<at` (or `</at`) followed by whitespace or `>`.
const OPEN_TAG = /<at(?=[\s>])/gi;
const ANY_TAG = /<\/?at(?=[\s>])/gi;
const CLOSE_TAG = /<\/at>/gi;

/**
 * Replaces every `<at …>inner</at>` (what `/<at(?:\s[^>]*)?>([\s\S]*?)<\/at>/gi` matches) in one pass.
 * That regex backtracks quadratically on unclosed `<at ` runs (a 128 KB message held the event loop for
 * seconds); here each character is looked at a bounded number of times: an opening tag ends at the first
 * `>` after it and its mention at the first `</at>` after that, and when either is missing no later tag
 * can have one.
 */
function replaceMentions(text: string, replace: (markup: string, inner: string) => string): string {
  const [openTag, closeTag] = [new RegExp(OPEN_TAG), new RegExp(CLOSE_TAG)];
  let out = '';
  let position = 0;
  for (;;) {
    const open = nextMatch(openTag, text, position);
    if (open === -1) break;
    const tagEnd = text.indexOf('>', open + 3);
    const close = tagEnd === -1 ? -1 : nextMatch(closeTag, text, tagEnd + 1);
    if (close === -1) break;
    const end = close + '</at>'.length;
    out += text.slice(position, open) + replace(text.slice(open, end), text.slice(tagEnd + 1, close));
    position = end;
  }
  return out + text.slice(position);
}

/** The text without its `<at …>` and `</at …>` tags (one pass, like replaceMentions): a mention's name when its entity has none. */
export function innerText(markup: string): string {
  const anyTag = new RegExp(ANY_TAG);
  let out = '';
  let position = 0;
  for (;;) {
    const open = nextMatch(anyTag, markup, position);
    const tagEnd = open === -1 ? -1 : markup.indexOf('>', open);
    if (tagEnd === -1) break;
    out += markup.slice(position, open);
    position = tagEnd + 1;
  }
  return (out + markup.slice(position)).trim();
}

/** Index of the pattern's next match at or after `from` (a per-call copy of a global regex), or -1. */
function nextMatch(pattern: RegExp, text: string, from: number): number {
  pattern.lastIndex = from;
  return pattern.exec(text)?.index ?? -1;
}

/**
 * Reads who a message mentions and rewrites its text for the command parser: the leading mention (the
 * bot, in channels and group chats) and any other mention of the bot are removed; a person's mention
 * becomes their name, so `/meet Budget with <at>Megan Bowen</at>` has the subject "Budget with Megan Bowen".
 */
export function readMentions(source: MentionSource): ReadMentions {
  // Entities by their markup, each queue in message order: a mention takes the first unused one with its text
  // (a map, not a search per mention: a 256 KB message can hold thousands of both).
  const unused = new Map<string, Entity[]>();
  for (const entity of entitiesOf(source)) {
    const queue = unused.get(entity.text);
    if (queue === undefined) unused.set(entity.text, [entity]);
    else queue.push(entity);
  }
  const take = (markup: string): Entity | undefined => unused.get(markup)?.shift();
  const people = new Map<string, MentionedPerson>();
  const tags = new Set<string>();
  let everyone = false;
  const raw = typeof source.text === 'string' ? source.text : '';
  const leading = LEADING_MENTION.exec(raw)?.[0];
  const rest = leading === undefined ? raw : raw.slice(leading.length);
  if (leading !== undefined) {
    const entity = take(leading.trim());
    if (entity !== undefined && entity.kind !== 'bot') note(entity);
  }
  function note(entity: Entity): void {
    if (entity.kind === 'person' && !people.has(entity.id)) people.set(entity.id, { id: entity.id, name: entity.name });
    if (entity.kind === 'everyone') everyone = true;
    if (entity.kind === 'tag') tags.add(entity.name);
  }
  let text = replaceMentions(rest, (markup, inner) => {
    const entity = take(markup);
    if (entity === undefined) return inner.trim();
    if (entity.kind === 'bot') return '';
    note(entity);
    return entity.name;
  });
  text = text.replace(EVERYONE_OPTION, (_match: string, space: string) => {
    everyone = true;
    return space;
  });
  return { text, people: [...people.values()], everyone, tags: [...tags] };
}
