// The campaign page's A/B-test panel: each variant's KPI with its interval, the lift over the chosen control, the
// sequential test's verdict, and the chosen metric per variant over the last hour (cumulative, so it settles).
// Polled every 5 s (the variants answer is not on the live stream); stops once the panel leaves the page.
import { getJson } from './api.js';
import { h, s, formatCount } from './dom.js';
import { minuteSlots } from './charts.js';

const METRICS = [['ctr', 'CTR'], ['engagementRate', 'Engagement rate'], ['conversionRate', 'Conversion rate']];
const COLORS = ['#1f77b4', '#e4572e', '#29a37a', '#a05195', '#f2a541', '#5c6bc0', '#6d8fbf', '#1b5e20'];
const POLL_MS = 5000;

export function createVariantsPanel(campaignId) {
  const metric = h('select', { 'aria-label': 'Metric' }, METRICS.map(([value, label]) => h('option', { value }, label)));
  const control = h('select', { 'aria-label': 'Control' });
  const body = h('div', null, h('p', { class: 'empty' }, 'Loading variants…'));
  const element = h('div', { class: 'panel variants' },
    h('h2', null, 'A/B test of variants'),
    h('p', null, h('label', null, 'Metric ', metric), ' ', h('label', null, 'Control ', control)),
    body);

  async function refresh() {
    const query = new URLSearchParams({ metric: metric.value });
    if (control.value) query.set('control', control.value);
    try {
      render(await getJson(`/api/campaigns/${encodeURIComponent(campaignId)}/variants?${query}`));
    } catch (error) {
      body.replaceChildren(h('p', { class: 'empty' }, error.status === 404 ? 'No event yet.' : error.message));
    }
  }

  function render(view) {
    const names = view.variants.filter(v => !v.isOther).map(v => v.name);
    if (!names.length) {
      body.replaceChildren(h('p', { class: 'empty' }, 'No event of this campaign names a variant.'));
      return;
    }
    if ([...control.options].map(o => o.value).join() !== names.join()) {
      control.replaceChildren(...names.map(name => h('option', { value: name }, name)));
    }
    control.value = view.control ?? names[0];
    body.replaceChildren(table(view), chart(view), h('p', { class: 'test-rule' }, `${view.test.method}. ${view.test.decisionRule}`),
      view.eventsCountedAsOther ? h('p', { class: 'empty' }, `${formatCount(view.eventsCountedAsOther)} events of variants past the first ${view.maxVariants} are counted as "other".`) : '');
  }

  metric.addEventListener('change', refresh);
  control.addEventListener('change', refresh);
  refresh();
  const timer = setInterval(() => (element.isConnected ? refresh() : clearInterval(timer)), POLL_MS);
  return { element };
}

function table(view) {
  const label = METRICS.find(([value]) => value === view.metric)?.[1] ?? view.metric;
  return h('table', { class: 'variants-table' },
    h('thead', null, h('tr', null, ['Variant', 'Impressions', `${label} (95% interval)`, 'Lift vs control (always-valid 95%)', 'Verdict', 'Impressions to verdict']
      .map(title => h('th', null, title)))),
    h('tbody', null, view.variants.map(v => h('tr', { 'data-variant': v.name, 'data-verdict': v.verdict },
      h('td', null, v.name),
      h('td', null, formatCount(v.totals.impression)),
      h('td', null, v.kpi ? `${percent(v.kpi.value)} (${percent(v.kpi.low)} – ${percent(v.kpi.high)})` : '–'),
      h('td', null, v.lift ? `${signed(v.lift.relative.value)} (${signed(v.lift.relative.low)} – ${signed(v.lift.relative.high)})` : '–'),
      h('td', { class: `verdict ${v.verdict}` }, v.verdict),
      h('td', null, v.impressionsToVerdict === null || v.impressionsToVerdict === undefined ? '–' : formatCount(v.impressionsToVerdict))))));
}

// Two decimals: CTRs of 2.0% and 2.6% need them to be told apart.
function percent(r) {
  return `${((r ?? 0) * 100).toFixed(2)}%`;
}

function signed(r) {
  return `${r > 0 ? '+' : ''}${(r * 100).toFixed(1)}%`;
}

// One cumulative line per variant over the last hour's minutes: successes so far / impressions so far.
function chart(view) {
  const [width, height, left, bottom] = [600, 170, 48, 22];
  const lines = view.variants.filter(v => !v.isOther).map((variant, index) => {
    let impressions = 0;
    let successes = 0;
    const points = minuteSlots(variant.series).map(slot => {
      const point = variant.series.find(p => Math.floor(Date.parse(p.start) / 60000) * 60000 === slot.start);
      impressions += point?.impressions ?? 0;
      successes += point?.successes ?? 0;
      return impressions ? successes / impressions : null;
    });
    return { name: variant.name, color: COLORS[index % COLORS.length], points };
  });
  const max = Math.max(0.01, ...lines.flatMap(l => l.points.filter(p => p !== null))) * 1.1;
  const x = i => left + ((width - left - 8) * (i + 0.5)) / 60;
  const y = v => 8 + (height - 8 - bottom) * (1 - v / max);
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-label': `${view.metric} per variant, cumulative over the last hour` },
    s('line', { x1: left, x2: width - 8, y1: y(0), y2: y(0), class: 'axis' }),
    s('text', { x: left - 4, y: y(max) + 4, class: 'tick', 'text-anchor': 'end' }, percent(max)),
    s('text', { x: left - 4, y: y(0), class: 'tick', 'text-anchor': 'end' }, '0'),
    s('text', { x: left, y: height - 4, class: 'tick' }, '−60 min'),
    s('text', { x: width - 8, y: height - 4, class: 'tick', 'text-anchor': 'end' }, 'now'));
  for (const l of lines) {
    const points = l.points.map((v, i) => (v === null ? null : `${x(i)},${y(v)}`)).filter(Boolean);
    if (!points.length) continue;
    svg.append(s('polyline', { points: points.join(' '), fill: 'none', stroke: l.color, 'stroke-width': 2, 'data-variant': l.name }));
    // The latest value as a dot: a test that is minutes old has a line too short to see.
    const [cx, cy] = points.at(-1).split(',');
    svg.append(s('circle', { cx, cy, r: 3, fill: l.color }));
  }
  return h('figure', { class: 'figure', style: 'max-width:720px' }, svg,
    h('figcaption', { class: 'legend' }, lines.map(l => h('span', null, h('i', { style: `background:${l.color}` }), l.name))));
}
