// Hand-written inline SVG charts over window slots (windows.js): stacked bars and lines, with unit-labelled axes and
// time ticks in the browser's time zone. Small enough to read in one sitting; no library, nothing fetched.
import { h, s } from './dom.js';
import { WINDOWS, slotsFor } from './windows.js';

const WIDTH = 600;
const HEIGHT = 190;
const PAD = { left: 52, right: 10, top: 18, bottom: 24 };
const PLOT_HEIGHT = HEIGHT - PAD.top - PAD.bottom;
const TICKS_X = 6;

// The last hour's 60 minute slots (variants.js charts its series over them).
export const minuteSlots = (buckets, now = Date.now()) => slotsFor(WINDOWS[0], buckets, now);

export const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

const tickFormats = {
  minute: new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' }),
  hour: new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' }),
  day: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' }),
};
export const slotLabel = (window, start) => tickFormats[window.unit].format(new Date(start));

// yMin..yMax with three labelled gridlines; the y unit is written above the axis, the x ticks say the local time.
function frame(window, slots, { yMin = 0, yMax, unit, format = String, label }) {
  const y = v => PAD.top + PLOT_HEIGHT * (1 - (v - yMin) / (yMax - yMin || 1));
  const slotWidth = (WIDTH - PAD.left - PAD.right) / slots.length;
  const svg = s('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'chart', role: 'img', 'aria-label': label, 'data-window': window.key });
  svg.append(s('text', { x: 4, y: 11, class: 'unit' }, unit));
  for (const v of [yMin, (yMin + yMax) / 2, yMax]) {
    svg.append(
      s('line', { x1: PAD.left, x2: WIDTH - PAD.right, y1: y(v), y2: y(v), class: v === 0 ? 'axis' : 'grid' }),
      s('text', { x: PAD.left - 6, y: y(v) + 3, class: 'tick', 'text-anchor': 'end' }, format(v)));
  }
  const every = Math.ceil(slots.length / TICKS_X);
  slots.forEach((slot, i) => {
    if ((slots.length - 1 - i) % every !== 0) return;
    svg.append(s('text', { x: PAD.left + (i + 0.5) * slotWidth, y: HEIGHT - 6, class: 'tick', 'text-anchor': 'middle' }, slotLabel(window, slot.start)));
  });
  return { svg, y, slotWidth };
}

// Stacked bars: series is [{ key, color }], value(slot, key) gives each part.
export function stackedBars(window, slots, series, value, { label, unit }) {
  const totals = slots.map(slot => series.reduce((sum, part) => sum + value(slot, part.key), 0));
  const { svg, y, slotWidth } = frame(window, slots, { yMax: niceMax(Math.max(0, ...totals)), unit, label, format: compact });
  slots.forEach((slot, i) => {
    let base = 0;
    for (const part of series) {
      const v = value(slot, part.key);
      if (v <= 0) continue;
      const rect = s('rect', { x: PAD.left + i * slotWidth + 0.5, width: Math.max(1, slotWidth - 1), y: y(base + v), height: y(base) - y(base + v), fill: part.color });
      rect.append(s('title', null, `${slotLabel(window, slot.start)} ${part.key}: ${v}`));
      svg.append(rect);
      base += v;
    }
  });
  return h('figure', { class: 'figure' }, svg, legend(series));
}

// Lines over the slots: series is [{ key, color, value(slot) }]; null leaves a gap (no data is not a zero).
export function lines(window, slots, series, { label, unit, format = String, yMin = 0, yMax, floor = 5 }) {
  const values = series.map(line => slots.map(line.value));
  const top = yMax ?? niceMax(Math.max(0, ...values.flat().filter(v => v !== null)), floor);
  const { svg, y, slotWidth } = frame(window, slots, { yMin, yMax: top, unit, label, format });
  series.forEach((line, n) => {
    const points = values[n].map((v, i) => (v === null ? null : [PAD.left + (i + 0.5) * slotWidth, y(v), v, slots[i]])).filter(Boolean);
    if (!points.length) return;
    svg.append(s('polyline', { points: points.map(([px, py]) => `${px},${py}`).join(' '), fill: 'none', stroke: line.color, 'stroke-width': 2, 'data-series': line.key }));
    for (const [cx, cy, v, slot] of points) {
      svg.append(s('circle', { cx, cy, r: 2.5, fill: line.color }, s('title', null, `${slotLabel(window, slot.start)} ${line.key}: ${format(v)}`)));
    }
  });
  return h('figure', { class: 'figure' }, svg, legend(series));
}

// items: [{ label, value, note? }]; the bar length is relative to the largest value.
export function horizontalBars(items, label, format = String) {
  const max = Math.max(1, ...items.map(i => i.value));
  return h('ul', { class: 'hbars', 'aria-label': label },
    items.map(item => h('li', null,
      h('span', { class: 'hbar-label', title: item.label }, item.label),
      h('span', { class: 'hbar' }, h('span', { style: `width:${(100 * Math.max(0, item.value)) / max}%` })),
      h('span', { class: 'hbar-value' }, format(item.value), item.note ? h('small', null, ` ${item.note}`) : null))));
}

function legend(series) {
  return h('figcaption', { class: 'legend' },
    series.map(part => h('span', null, h('i', { style: `background:${part.color}` }), part.label ?? part.key)));
}

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }).format;

function niceMax(value, floor = 5) {
  if (value <= floor) return floor;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 2.5, 5, 10].map(m => m * magnitude).find(candidate => candidate >= value);
}
