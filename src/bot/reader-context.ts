import type { Activity } from 'botbuilder';
import type { ReaderContext } from '../cards/card-renderer';
import { isRecord } from '../guards';

/** Locale and time zone of the person who wrote: Teams sends them as `locale`/`localTimezone` and in a clientInfo entity. */
export function readerContext(activity: Partial<Activity>): ReaderContext {
  // Total over any input: `entities` comes from the wire and may be anything.
  const entities: unknown[] = Array.isArray(activity.entities) ? activity.entities : [];
  const clientInfo = entities.find((entity): entity is Record<string, unknown> => isRecord(entity) && entity.type === 'clientInfo');
  const pick = (...values: unknown[]) => values.find((value): value is string => typeof value === 'string' && value !== '');
  return {
    locale: pick(activity.locale, clientInfo?.locale),
    timeZone: pick(activity.localTimezone, clientInfo?.timezone),
  };
}
