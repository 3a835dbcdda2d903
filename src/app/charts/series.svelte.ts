/**
 * The series of one chart, from one definition: the legend lists them, the marks
 * colour by them, and the rows a chart downloads carry the same labels (the
 * shaping reads the same definitions). Built from getters so props stay reactive.
 */
import { scaleOrdinal } from 'd3-scale';

export interface SeriesDef {
  id: string;
  label: string;
  color: string;
}

export const NO_SERIES: readonly SeriesDef[] = [];
const UNKNOWN = '#8a939c';

export class SeriesState {
  readonly #defs: () => readonly SeriesDef[];
  readonly #active: () => string;

  readonly list = $derived.by(() => this.#defs());
  readonly color = $derived.by(() =>
    scaleOrdinal<string, string>()
      .domain(this.list.map((s) => s.id))
      .range(this.list.map((s) => s.color))
      .unknown(UNKNOWN),
  );

  constructor(defs: () => readonly SeriesDef[], active: () => string = () => '') {
    this.#defs = defs;
    this.#active = active;
  }

  /** the series shown as picked (e.g. the outcome whose reasons are open), '' for none */
  get active(): string {
    return this.#active();
  }

  label(id: string): string {
    return this.list.find((s) => s.id === id)?.label ?? id;
  }
}
