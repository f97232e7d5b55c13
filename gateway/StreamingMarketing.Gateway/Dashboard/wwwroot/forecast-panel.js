// The forecast beside the charts: the campaign's events per hour (last day) and per day (last 30 days) with the
// forecast's median and its 80% and 95% bands ahead (GET /api/campaigns/{id}/forecast), and the hours the anomaly
// rules flagged (alerts with an `hour`) marked where they fell. Forecasts are fetched at most once a minute, or again
// after a few seconds while one is missing (a busy silo answered late, or the history was not there yet).
import { h, s } from './dom.js';
import { WINDOWS, slotsFor, eventCount } from './windows.js';
import { slotLabel } from './charts.js';
import { getJson } from './api.js';

const WIDTH = 600;
const HEIGHT = 190;
const PAD = { left: 52, right: 10, top: 18, bottom: 24 };
const REFETCH_MS = 60_000;
const RETRY_MS = 5_000;
const STEPS = [
  { window: WINDOWS[1], step: '1h', horizon: 24, title: 'Events per hour: last day and the next 24 hours' },
  { window: WINDOWS[2], step: '1d', horizon: 7, title: 'Events per day: last 30 days and the next 7' },
];
const ANOMALY_RULES = new Set(['volume-anomaly', 'negative-anomaly']);

export function createForecastPanel(campaignId) {
  const body = h('div', { class: 'forecast-charts' });
  const element = h('section', { class: 'panel forecast', 'data-panel': 'forecast', 'aria-label': 'Forecast' },
    h('h2', null, 'Forecast'), body);
  const forecasts = new Map();
  let fetchedAt = 0;
  let last = null;

  async function refetch() {
    fetchedAt = Date.now();
    await Promise.all(STEPS.map(async ({ step, horizon }) => {
      try {
        forecasts.set(step, await getJson(`/api/campaigns/${encodeURIComponent(campaignId)}/forecast?metric=events&step=${step}&horizon=${horizon}`));
      } catch {
        forecasts.delete(step);
      }
    }));
    // A missing forecast is asked for again on the first update after RETRY_MS instead of a minute later.
    if (!STEPS.every(({ step }) => forecasts.get(step)?.points?.length)) fetchedAt = Date.now() - REFETCH_MS + RETRY_MS;
    if (last) render(last);
  }

  function update(view) {
    last = view;
    if (Date.now() - fetchedAt > REFETCH_MS) refetch();
    render(view);
  }

  function render(view) {
    const anomalies = (view.alerts ?? []).filter(a => a.hour && ANOMALY_RULES.has(a.rule));
    body.replaceChildren(...STEPS.map(step => chart(step, view, forecasts.get(step.step), anomalies)));
  }

  return { element, update };
}

function chart({ window, step, title }, view, forecast, anomalies) {
  const slots = slotsFor(window, view.windows?.[window.key]?.buckets ?? []).map(slot => ({ start: slot.start, value: eventCount(slot.bucket?.totals) }));
  // The forecast's first point is the current bucket, already a slot: the bands start there.
  const ahead = (forecast?.points ?? []).map(p => ({ ...p, start: Date.parse(p.time) }));
  for (const p of ahead) if (p.start > slots[slots.length - 1].start) slots.push({ start: p.start, value: null });
  const index = new Map(slots.map((p, i) => [p.start, i]));
  // Scaled to what was seen and the median ahead: a young campaign's bands can be far wider, and are clipped at the top.
  const top = niceMax(Math.max(5, ...slots.map(p => p.value ?? 0), ...ahead.map(p => p.value)) * 1.3);
  const width = (WIDTH - PAD.left - PAD.right) / slots.length;
  const x = i => PAD.left + (i + 0.5) * width;
  const y = v => PAD.top + (HEIGHT - PAD.top - PAD.bottom) * (1 - Math.min(v, top) / top);
  const svg = s('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'chart', role: 'img', 'aria-label': title, 'data-step': step });
  svg.append(s('text', { x: 4, y: 11, class: 'unit' }, `events / ${window.unit}`));
  for (const v of [0, top / 2, top]) {
    svg.append(s('line', { x1: PAD.left, x2: WIDTH - PAD.right, y1: y(v), y2: y(v), class: v === 0 ? 'axis' : 'grid' }),
      s('text', { x: PAD.left - 6, y: y(v) + 3, class: 'tick', 'text-anchor': 'end' }, compact(v)));
  }
  const every = Math.ceil(slots.length / 6);
  slots.forEach((p, i) => {
    if (i % every === 0) svg.append(s('text', { x: x(i), y: HEIGHT - 6, class: 'tick', 'text-anchor': 'middle' }, slotLabel(window, p.start)));
  });
  const placed = ahead.filter(p => index.has(p.start));
  for (const [level, color] of [['95', '#dbe6f5'], ['80', '#a9c1e6']]) {
    if (!placed.length) break;
    const upper = placed.map(p => `${x(index.get(p.start))},${y(p[`upper${level}`])}`);
    const lower = placed.map(p => `${x(index.get(p.start))},${y(p[`lower${level}`])}`).reverse();
    svg.append(s('polygon', { points: [...upper, ...lower].join(' '), fill: color, 'data-band': level },
      s('title', null, `${level}% prediction interval`)));
  }
  const actual = slots.filter(p => p.value !== null).map(p => `${x(index.get(p.start))},${y(p.value)}`).join(' ');
  svg.append(s('polyline', { points: actual, fill: 'none', stroke: '#2b6cb0', 'stroke-width': 2, 'data-series': 'actual' }));
  if (placed.length) {
    svg.append(s('polyline', { points: placed.map(p => `${x(index.get(p.start))},${y(p.value)}`).join(' '), fill: 'none', stroke: '#1f3b63',
      'stroke-width': 1.5, 'stroke-dasharray': '4 3', 'data-series': 'median' }));
  }
  for (const alert of anomalies) {
    const at = Date.parse(alert.hour);
    const i = slots.findIndex(p => p.start <= at && at < p.start + window.size);
    if (i < 0) continue;
    svg.append(s('circle', { cx: x(i), cy: y(slots[i].value ?? 0), r: 5, fill: 'none', stroke: '#d64545', 'stroke-width': 2.5,
      'data-anomaly': alert.alertId, 'data-rule': alert.rule }, s('title', null, alert.message)));
  }
  const note = !forecast ? 'No forecast yet.'
    : forecast.insufficientHistory ? `Forecast from ${forecast.historyBuckets} ${window.unit}s of history: too short to trust yet; bands widened.` : null;
  return h('figure', { class: 'figure', 'data-step': step }, h('h3', null, title), svg,
    h('figcaption', { class: 'legend' },
      h('span', null, h('i', { style: 'background:#2b6cb0' }), 'actual'),
      h('span', null, h('i', { style: 'background:#1f3b63' }), 'forecast (median)'),
      h('span', null, h('i', { style: 'background:#a9c1e6' }), '80%'),
      h('span', null, h('i', { style: 'background:#dbe6f5' }), '95%'),
      h('span', null, h('i', { style: 'background:#d64545' }), 'anomaly')),
    note && h('p', { class: 'meta' }, note));
}

function niceMax(value) {
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 2.5, 5, 10].map(m => m * magnitude).find(candidate => candidate >= value);
}

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }).format;
