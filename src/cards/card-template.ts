import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Template } from 'adaptivecards-templating';
import { MeetNowError } from '../errors';
import type { CardAttachment } from './attachment';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/**
 * One template of cards/, read and parsed by adaptivecards-templating once
 * (https://learn.microsoft.com/adaptive-cards/templating/sdk#javascript) and expanded per reply.
 */
export class CardTemplate {
  private readonly template: Template;

  /**
   * adaptive-expressions looks a function up only when it evaluates it, and a `${…}` that fails to evaluate
   * throws from `expand`: the template is expanded with trial data here so that such a template stops
   * start-up, naming the file, instead of a user's `/meet`.
   */
  constructor(cardsDir: string, name: string, trials: object[]) {
    const file = `${name}.json`;
    try {
      this.template = new Template(JSON.parse(readFileSync(join(cardsDir, file), 'utf8')));
      for (const root of trials) this.template.expand({ $root: root });
    } catch (cause) {
      throw new MeetNowError('internal', `card template ${file}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    }
  }

  /** `expand` is synchronous, so one parsed Template serves every reply in turn. */
  card(root: object): CardAttachment {
    return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: this.template.expand({ $root: root }) as Record<string, unknown> };
  }
}
