// Spend against budget for a campaign with a cost model: what was spent, what is left, and where the last day's pace
// ends at the end date; with the cost per click and conversion and ROAS over each window.
import { h, s } from './dom.js';

const WINDOWS = [['1h', 'Last hour'], ['24h', 'Last 24 h'], ['30d', 'Last 30 days']];

export function spendPanel(view) {
  if (!view.budget || !view.spend) return '';
  const currency = view.spend.currency ?? '';
  const money = amount => (amount === null || amount === undefined ? '–' : `${Number(amount).toLocaleString('en-US', { maximumFractionDigits: 2 })} ${currency}`.trim());
  const ratio = r => (r === null || r === undefined ? '–' : r.toFixed(2));
  const b = view.budget;
  return h('div', { class: 'panel spend', 'data-spend': String(view.spend.spend) },
    h('h2', null, `Spend (${view.metadata?.costModel?.kind ?? ''} ${money(view.metadata?.costModel?.price)})`),
    budgetBar(b),
    h('p', null,
      `Spent ${money(b.spend)}`, b.budget !== null && b.budget !== undefined ? ` of ${money(b.budget)} (${((b.budgetUsed ?? 0) * 100).toFixed(1)}%)` : '',
      b.projectedSpend !== null && b.projectedSpend !== undefined
        ? h('span', { class: b.projectedOverBudget ? 'over-budget' : '' }, ` · at the last day's pace ${money(b.projectedSpend)} by ${new Date(b.projectedAt).toLocaleDateString('en-GB')}${b.projectedOverBudget ? ', over budget' : ''}`)
        : ''),
    h('table', { class: 'spend-table' },
      h('thead', null, h('tr', null, ['', 'Spend', 'Cost per click', 'Cost per conversion', 'ROAS'].map(t => h('th', null, t)))),
      h('tbody', null,
        row('All time', view.spend, money, ratio),
        WINDOWS.map(([key, label]) => row(label, view.windows[key]?.spend, money, ratio)))));
}

function row(label, spend, money, ratio) {
  return h('tr', null, h('td', null, label), h('td', null, money(spend?.spend)), h('td', null, money(spend?.costPerClick)),
    h('td', null, money(spend?.costPerConversion)), h('td', null, ratio(spend?.returnOnAdSpend)));
}

// Spent, and projected, as bars against the budget (the scale stretches when the projection overruns it).
function budgetBar(b) {
  const [width, height] = [600, 40];
  const scale = Math.max(b.budget ?? 0, b.projectedSpend ?? 0, b.spend, 1e-9);
  const x = amount => (width - 4) * (amount / scale);
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-label': 'Spend, projected spend and budget' });
  if (b.projectedSpend !== null && b.projectedSpend !== undefined) {
    svg.append(s('rect', { x: 0, y: 8, width: x(b.projectedSpend), height: 20, class: b.projectedOverBudget ? 'projected over' : 'projected' }));
  }
  svg.append(s('rect', { x: 0, y: 8, width: x(b.spend), height: 20, class: 'spent' }));
  if (b.budget !== null && b.budget !== undefined) {
    svg.append(s('line', { x1: x(b.budget), x2: x(b.budget), y1: 2, y2: 34, class: 'budget-line' }));
  }
  return h('figure', { class: 'figure', style: 'max-width:720px' }, svg);
}
