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

/** One colour per dimension, in canonical order, readable on white. */
export const DIMENSION_COLOURS = ['#2f6fdf', '#d9822b', '#2e9e6a', '#9b51e0', '#c2410c', '#0e7490'];
export const WEIGHT_COLOUR = '#1f2937';
export const TARGET_COLOUR = '#16a34a';
