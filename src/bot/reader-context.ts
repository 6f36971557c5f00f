import type { Activity } from 'botbuilder';
import type { ReaderContext } from '../cards/card-renderer';
import { isRecord } from '../guards';

/**
 * Longer is not a locale or a zone: BCP 47 asks implementations to handle tags of at least 35 characters
 * (https://www.rfc-editor.org/rfc/rfc5646#section-4.4.1) and IANA zone names are shorter still. Both key
 * formatting caches, so a 100 KB "locale" must not reach them.
 */
const MAX_TAG_LENGTH = 64;

/** Locale and time zone of the person who wrote: Teams sends them as `locale`/`localTimezone` and in a clientInfo entity. */
export function readerContext(activity: Partial<Activity>): ReaderContext {
  // Total over any input: `entities` comes from the wire and may be anything.
  const entities: unknown[] = Array.isArray(activity.entities) ? activity.entities : [];
  const clientInfo = entities.find((entity): entity is Record<string, unknown> => isRecord(entity) && entity.type === 'clientInfo');
  const pick = (...values: unknown[]) => values.find((value): value is string => typeof value === 'string' && value !== '' && value.length <= MAX_TAG_LENGTH);
  return {
    locale: pick(activity.locale, clientInfo?.locale),
    timeZone: pick(activity.localTimezone, clientInfo?.timezone),
  };
}
