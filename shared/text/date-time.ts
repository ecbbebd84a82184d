import dayjs from 'dayjs';

/** A stored moment (ISO 8601, UTC) as the clerk reads it: local time, "14:05 04/12/2026". */
export function formatViDateTime(iso: string): string {
  const moment = dayjs(iso);
  return moment.isValid() ? moment.format('HH:mm DD/MM/YYYY') : iso;
}
