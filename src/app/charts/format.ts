import { format } from 'd3-format';

const int = format(',');
const dec = format(',.2~f');
export const fmt = (v: number) => (Number.isInteger(v) ? int(v) : dec(v));
/** Every digit as read (a report's own table: 24,252.311082, not 24,252.31). */
export const exact = format(',');
export const pct = format('.0%');
export const short = format('~s');
