/**
 * What a chart's parts read: the `Chart` component builds the scales and margins
 * once from (size, data, accessors) and provides them; axes, marks, legend and
 * tooltip take them from here (as LayerCake's layers read LayerCake's context).
 */
import { createContext, type Component } from 'svelte';
import type { ScaleBand, ScaleLinear } from 'd3-scale';
import type { Margin } from './layout';
import type { SeriesState } from './series.svelte';
import type { TooltipState } from './tooltip.svelte';

export type Axis =
  | { kind: 'band'; scale: ScaleBand<string>; label: (key: string) => string }
  | { kind: 'linear'; scale: ScaleLinear<number, number>; ticks: number[] };

export interface ChartContext {
  /** unique per chart instance: the prefix of every SVG id it defines */
  readonly id: string;
  readonly width: number;
  readonly height: number;
  readonly margin: Margin;
  readonly x: Axis;
  readonly y: Axis;
  readonly series: SeriesState;
  readonly tooltip: TooltipState;
  /** when given, series are pickable (legend buttons, clickable marks) */
  readonly pick?: (seriesId: string) => void;
}

export const [getChart, setChart, hasChart] = createContext<ChartContext>();

export function band(a: Axis): ScaleBand<string> {
  if (a.kind !== 'band') throw new Error('this mark needs a band axis');
  return a.scale;
}

export function linear(a: Axis): ScaleLinear<number, number> {
  if (a.kind !== 'linear') throw new Error('this mark needs a linear axis');
  return a.scale;
}

/** The figure a chart is drawn in: its title starts every chart's accessible name. */
export interface FigureContext {
  readonly title: string;
}
export const [getFigure, setFigure, hasFigure] = createContext<FigureContext>();

/**
 * What the page gives every figure (set once by the shell): the source note an
 * exported image carries, and what to show when the filters leave nothing.
 */
export interface FigureEnv {
  /** 来源 line of a downloaded SVG/PNG */
  readonly source: () => string;
  readonly empty?: Component;
}
export const [getFigureEnv, setFigureEnv, hasFigureEnv] = createContext<FigureEnv>();
