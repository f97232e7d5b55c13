// The campaign page's traffic-allocation panel: the split as it runs (share of the last hour's impressions) beside the
// split recommended by Thompson sampling, each variant's probability of being best, and what the split is expected to
// lose. Polled every 5 s like the variants panel; reading it moves nothing faster (a step needs new impressions).
import { getJson } from './api.js';
import { h, s, formatCount } from './dom.js';

const METRICS = [['ctr', 'CTR'], ['engagementRate', 'Engagement rate'], ['conversionRate', 'Conversion rate']];
const COLORS = ['#1f77b4', '#e4572e', '#29a37a', '#a05195', '#f2a541', '#5c6bc0', '#6d8fbf', '#1b5e20'];
const POLL_MS = 5000;

export function createAllocationPanel(campaignId) {
  const metric = h('select', { 'aria-label': 'Allocation metric' }, METRICS.map(([value, label]) => h('option', { value }, label)));
  const body = h('div', null, h('p', { class: 'empty' }, 'Loading the allocation…'));
  const element = h('div', { class: 'panel allocation' },
    h('h2', null, 'Traffic allocation'),
    h('p', null, h('label', null, 'Metric ', metric)),
    body);

  async function refresh() {
    try {
      render(await getJson(`/api/campaigns/${encodeURIComponent(campaignId)}/allocation?metric=${metric.value}`));
    } catch (error) {
      body.replaceChildren(h('p', { class: 'empty' }, error.status === 404 ? 'No event yet.' : error.message));
    }
  }

  function render(view) {
    if (!view.variants.length) {
      body.replaceChildren(h('p', { class: 'empty' }, 'No event of this campaign names a variant.'));
      return;
    }
    const colors = new Map(view.variants.map((v, i) => [v.variant, COLORS[i % COLORS.length]]));
    body.replaceChildren(
      splitBars(view, colors),
      table(view),
      h('p', { class: 'test-rule' },
        `Expected loss of this split vs always serving the best: ${(view.expectedLossVsBest * 1000).toFixed(2)} per 1,000 impressions. `,
        `${formatCount(view.steps)} steps so far. ${view.policy}`));
  }

  metric.addEventListener('change', refresh);
  refresh();
  const timer = setInterval(() => (element.isConnected ? refresh() : clearInterval(timer)), POLL_MS);
  return { element };
}

function table(view) {
  return h('table', { class: 'allocation-table' },
    h('thead', null, h('tr', null, ['Variant', 'Running now (1h)', 'Recommended', 'P(best)', 'Expected rate', 'Impressions']
      .map(title => h('th', null, title)))),
    h('tbody', null, view.variants.map(v => h('tr', { 'data-variant': v.variant, 'data-share': v.share.toFixed(4), 'data-paused': v.paused ? 'true' : 'false' },
      h('td', null, v.variant, v.paused ? h('span', { class: 'paused' }, ' paused') : ''),
      h('td', null, percent(v.observedShare)),
      h('td', { class: 'recommended' }, percent(v.share)),
      h('td', null, percent(v.probabilityBest)),
      h('td', null, `${(v.expectedRate * 100).toFixed(2)}%`),
      h('td', null, formatCount(v.impressions))))));
}

// Two stacked bars, the split running now over the split recommended, in the same colours per variant.
function splitBars(view, colors) {
  const [width, rowHeight, left] = [600, 26, 110];
  const rows = [['running now', v => v.observedShare], ['recommended', v => v.share]];
  const svg = s('svg', { viewBox: `0 0 ${width} ${rows.length * (rowHeight + 8)}`, class: 'chart', role: 'img', 'aria-label': 'Traffic split running now and recommended' });
  rows.forEach(([label, share], row) => {
    const y = row * (rowHeight + 8);
    svg.append(s('text', { x: left - 6, y: y + rowHeight / 2 + 4, class: 'tick', 'text-anchor': 'end' }, label));
    let x = left;
    for (const v of view.variants) {
      const w = (width - left - 4) * share(v);
      if (w <= 0) continue;
      svg.append(s('rect', { x, y, width: w, height: rowHeight, fill: colors.get(v.variant), 'data-variant': v.variant, 'data-row': label },
        s('title', null, `${v.variant}: ${percent(share(v))}`)));
      x += w;
    }
  });
  return h('figure', { class: 'figure', style: 'max-width:720px' }, svg,
    h('figcaption', { class: 'legend' }, view.variants.map(v => h('span', null, h('i', { style: `background:${colors.get(v.variant)}` }), v.variant))));
}

function percent(r) {
  return `${((r ?? 0) * 100).toFixed(1)}%`;
}
