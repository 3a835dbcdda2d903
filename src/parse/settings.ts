/**
 * The parser's limits in one place, as pdfplumber's table settings: every
 * bound on the work a report may cause and every window a stage looks in.
 * `resolveSettings` rejects unknown keys, so a misspelt setting is an error,
 * not a silent default.
 */
export interface ParserSettings {
  /** lines from the top searched for the title (organ and year) */
  titleLines: number;
  /** lines from the top searched for the organ in the body when the title names none */
  bodyOrganLines: number;
  /** lines from the top searched for the statistical period */
  periodLines: number;
  /** lines of text handed to the region resolver */
  regionLines: number;
  /** a digit run longer than this is not split (no table row prints so many digits) */
  maxRunDigits: number;
  /** search steps allowed when enumerating the readings of one row's runs */
  maxRowSteps: number;
  /** readings of one row kept; more and the row is left unread */
  maxRowReadings: number;
  /** partial sums the table-三 solver may hold per stage; more and it falls back to row-by-row readings */
  maxSolverStates: number;
}

export const DEFAULT_SETTINGS: Readonly<ParserSettings> = Object.freeze({
  titleLines: 40,
  bodyOrganLines: 300,
  periodLines: 200,
  regionLines: 400,
  maxRunDigits: 60,
  maxRowSteps: 400_000,
  maxRowReadings: 2_000,
  maxSolverStates: 50_000,
});

export function resolveSettings(overrides: Partial<ParserSettings> = {}): ParserSettings {
  const out: ParserSettings = { ...DEFAULT_SETTINGS };
  for (const [k, v] of Object.entries(overrides)) {
    if (!(k in DEFAULT_SETTINGS)) throw new Error(`unknown parser setting '${k}' (known: ${Object.keys(DEFAULT_SETTINGS).join(', ')})`);
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new Error(`parser setting '${k}' must be a non-negative number, got ${String(v)}`);
    (out as unknown as Record<string, number>)[k] = v;
  }
  return out;
}
