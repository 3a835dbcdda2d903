import { format } from 'd3-format';

const int = format(',');
const dec = format(',.2~f');
export const fmt = (v: number) => (Number.isInteger(v) ? int(v) : dec(v));
export const pct = format('.0%');
export const short = format('~s');
