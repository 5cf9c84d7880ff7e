// Chart.js, registered once with only the parts the relationship card uses
// (radar and line), so the bundle carries no unused chart types. Charts are
// drawn without animation: numbers a salesperson reads should not move.
import {
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  RadarController,
  RadialLinearScale,
  Tooltip,
} from 'chart.js';

Chart.register(CategoryScale, Filler, Legend, LinearScale, LineController, LineElement, PointElement, RadarController, RadialLinearScale, Tooltip);

// The app's own font stack, so Chinese labels draw in the CJK font the rest of
// the window uses rather than the canvas default.
Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily || 'sans-serif';
Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;

export { Chart };

/** One colour per dimension, in canonical order, readable on white and on the dark panel. */
export const DIMENSION_COLOURS = ['#2f6fdf', '#d9822b', '#2e9e6a', '#9b51e0', '#c2410c', '#0e7490'];
export const TARGET_COLOUR = '#16a34a';

/**
 * The page's own colours, read when a chart is drawn: the weight line in the
 * text colour, labels muted, grid lines in the panel's line colour. Fixed
 * colours for these were near-black, invisible in dark mode. Also sets
 * Chart.js's defaults (legend and tick text, grid) to match.
 */
export function pageColours(): { text: string; muted: string; line: string } {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const colours = { text: v('--text', '#1f2328'), muted: v('--muted', '#667085'), line: v('--line', '#e4e4e0') };
  Chart.defaults.color = colours.muted;
  Chart.defaults.borderColor = colours.line;
  return colours;
}
