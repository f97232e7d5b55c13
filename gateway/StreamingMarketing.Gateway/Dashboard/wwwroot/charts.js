// Inline SVG charts over the last hour, one slot per minute (the campaign answer's windows["1h"].buckets).
import { h, s } from './dom.js';

const WIDTH = 600;
const HEIGHT = 170;
const PAD = { left: 40, right: 8, top: 8, bottom: 22 };
const MINUTES = 60;

// The buckets list only non-empty minutes; charts need all 60, oldest first, ending at the current minute.
export function minuteSlots(buckets, now = Date.now()) {
  const end = Math.floor(now / 60000) * 60000;
  const byStart = new Map(buckets.map(b => [Math.floor(Date.parse(b.start) / 60000) * 60000, b]));
  return Array.from({ length: MINUTES }, (_, i) => {
    const start = end - (MINUTES - 1 - i) * 60000;
    return { start, bucket: byStart.get(start) };
  });
}

function frame(maxValue, label, format = String) {
  const y = v => PAD.top + (HEIGHT - PAD.top - PAD.bottom) * (1 - v / (maxValue || 1));
  const svg = s('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'chart', role: 'img', 'aria-label': label });
  svg.append(
    s('line', { x1: PAD.left, x2: WIDTH - PAD.right, y1: y(0), y2: y(0), class: 'axis' }),
    s('text', { x: PAD.left - 4, y: y(maxValue) + 4, class: 'tick', 'text-anchor': 'end' }, format(maxValue)),
    s('text', { x: PAD.left - 4, y: y(0), class: 'tick', 'text-anchor': 'end' }, '0'),
    s('text', { x: PAD.left, y: HEIGHT - 4, class: 'tick' }, '−60 min'),
    s('text', { x: WIDTH - PAD.right, y: HEIGHT - 4, class: 'tick', 'text-anchor': 'end' }, 'now'),
  );
  return { svg, y, slotWidth: (WIDTH - PAD.left - PAD.right) / MINUTES };
}

// Stacked bars: series is [{ key, color }], value(slot, key) gives each part.
export function stackedBars(slots, series, value, label) {
  const totals = slots.map(slot => series.reduce((sum, part) => sum + value(slot, part.key), 0));
  const { svg, y, slotWidth } = frame(niceMax(Math.max(...totals)), label);
  slots.forEach((slot, i) => {
    let base = 0;
    for (const part of series) {
      const v = value(slot, part.key);
      if (v <= 0) continue;
      const rect = s('rect', { x: PAD.left + i * slotWidth + 1, width: Math.max(1, slotWidth - 2), y: y(base + v), height: y(base) - y(base + v), fill: part.color });
      rect.append(s('title', null, `${new Date(slot.start).toLocaleTimeString('en-GB').slice(0, 5)} ${part.key}: ${v}`));
      svg.append(rect);
      base += v;
    }
  });
  return h('figure', { class: 'figure' }, svg, legend(series));
}

// A line over the slots that have a value (null leaves a gap: no impressions means no rate, not a zero rate).
export function line(slots, value, label, color, format = String) {
  const values = slots.map(value);
  const { svg, y, slotWidth } = frame(Math.max(0.05, ...values.filter(v => v !== null)), label, format);
  const points = values.map((v, i) => (v === null ? null : [PAD.left + (i + 0.5) * slotWidth, y(v)])).filter(Boolean);
  if (points.length) {
    svg.append(s('polyline', { points: points.map(p => p.join(',')).join(' '), fill: 'none', stroke: color, 'stroke-width': 2 }));
    for (const [cx, cy] of points) svg.append(s('circle', { cx, cy, r: 2.5, fill: color }));
  }
  return h('figure', { class: 'figure' }, svg);
}

export function horizontalBars(items, label) {
  const max = Math.max(1, ...items.map(i => i.count));
  return h('ul', { class: 'hbars', 'aria-label': label },
    items.map(item => h('li', null,
      h('span', { class: 'hbar-label' }, `#${item.tag}`),
      h('span', { class: 'hbar' }, h('span', { style: `width:${(100 * item.count) / max}%` })),
      h('span', { class: 'hbar-value' }, String(item.count)))));
}

function legend(series) {
  return h('figcaption', { class: 'legend' },
    series.map(part => h('span', null, h('i', { style: `background:${part.color}` }), part.key)));
}

function niceMax(value) {
  if (value <= 5) return 5;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map(m => m * magnitude).find(candidate => candidate >= value);
}
