import type { Activity } from 'botbuilder';
import type { ReaderContext } from '../cards/card-renderer';

/** Locale and time zone of the person who wrote: Teams sends them as `locale`/`localTimezone` and in a clientInfo entity. */
export function readerContext(activity: Partial<Activity>): ReaderContext {
  const clientInfo = (activity.entities ?? []).find((entity) => entity.type === 'clientInfo') as
    | { locale?: unknown; timezone?: unknown }
    | undefined;
  const pick = (...values: unknown[]) => values.find((value): value is string => typeof value === 'string' && value !== '');
  return {
    locale: pick(activity.locale, clientInfo?.locale),
    timeZone: pick(activity.localTimezone, clientInfo?.timezone),
  };
}
