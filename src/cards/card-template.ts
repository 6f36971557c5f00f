import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Template } from 'adaptivecards-templating';
import { MeetNowError } from '../errors';
import { isRecord } from '../guards';
import type { CardAttachment } from './attachment';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** A card's static words in each supported language: what its `${labels.…}` name. */
export type CardLabels = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** A value that is a static word of the card and nothing else. */
const LABEL = /^\$\{labels\.(\w+)\}$/;

/**
 * One template of cards/, read once and parsed by adaptivecards-templating
 * (https://learn.microsoft.com/adaptive-cards/templating/sdk#javascript) once per language, expanded per reply.
 *
 * The static words go in before the SDK parses the template: each value that is exactly `${labels.<name>}`
 * becomes that language's word, so a reply's expansion evaluates only what depends on the meeting and the
 * reader (the SDK evaluates each `${…}` afresh on every expansion: the meeting card's ten words were a
 * quarter of its cost). Everything else, user text included, is the SDK's to expand, per reply.
 */
export class CardTemplate {
  private readonly templates = new Map<string, Template>();

  /**
   * adaptive-expressions looks a function up only when it evaluates it, and a `${…}` that fails to evaluate
   * throws from `expand`: every language's template is expanded with trial data here so that such a
   * template stops start-up, naming the file, instead of a user's `/meet`.
   */
  constructor(cardsDir: string, name: string, labels: CardLabels, trials: object[]) {
    const file = `${name}.json`;
    try {
      const payload: unknown = JSON.parse(readFileSync(join(cardsDir, file), 'utf8'));
      for (const [language, words] of Object.entries(labels)) {
        const template = new Template(withWords(payload, words));
        for (const root of trials) template.expand({ $root: root });
        this.templates.set(language, template);
      }
    } catch (cause) {
      throw new MeetNowError('internal', `card template ${file}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    }
  }

  /** `expand` is synchronous, so one parsed Template per language serves every reply in turn. */
  card(language: string, root: object): CardAttachment {
    const template = this.templates.get(language) ?? this.templates.get('en');
    if (template === undefined) throw new MeetNowError('internal', `no card template for ${language}`);
    return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: template.expand({ $root: root }) as Record<string, unknown> };
  }
}

/** The template with its `${labels.…}` values replaced by one language's words. */
function withWords(node: unknown, words: Readonly<Record<string, string>>): unknown {
  if (typeof node === 'string') {
    const label = LABEL.exec(node)?.[1];
    if (label === undefined) {
      if (node.includes('${labels.')) throw new Error(`"${node}": a label must be a whole value`);
      return node;
    }
    const word = words[label];
    if (word === undefined) throw new Error(`"${node}" names no label`);
    // The SDK would read `${` in a word as an expression.
    if (word.includes('${')) throw new Error(`the label ${label} contains "\${"`);
    return word;
  }
  if (Array.isArray(node)) return node.map((item) => withWords(item, words));
  if (isRecord(node)) return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, withWords(value, words)]));
  return node;
}
