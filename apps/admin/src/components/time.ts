import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Times are stored in UTC and shown in Asia/Shanghai, whatever the browser's own zone. */
export const ZONE = 'Asia/Shanghai';

export const formatTime = (iso: string | null | undefined, format = 'YYYY-MM-DD HH:mm'): string =>
  iso ? dayjs(iso).tz(ZONE).format(format) : '—';

export const formatDate = (iso: string | null | undefined): string => formatTime(iso, 'YYYY-MM-DD');
