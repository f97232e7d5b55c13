// Trending hashtags and text keywords over a chosen trend window, most bursting first, with the burst score
// ((recent − expected) / √(expected + prior), see docs/insights.md).
import { h } from './dom.js';
import { horizontalBars } from './charts.js';

const WINDOWS = ['15m', '1h', '24h'];

export function createTrendingPanel() {
  // The quarter-hour is what a live page is for; the hour and the day need a day and a week of history to burst.
  let selected = '15m';
  let last = null;
  const select = h('select', { 'aria-label': 'Trend window', onchange: () => { selected = select.value; if (last) update(last); } },
    WINDOWS.map(w => h('option', { value: w, selected: w === selected }, `last ${w}`)));
  const body = h('div');
  const element = h('div', { class: 'panel', 'data-panel': 'trending' },
    h('div', { class: 'panel-head' }, h('h2', null, 'Trending'), select), body);

  function update(trending) {
    last = trending;
    const view = trending?.[selected];
    body.replaceChildren(
      list('Hashtags', view?.hashtags ?? [], item => `#${item}`, 'trending-hashtags'),
      list('Keywords', view?.keywords ?? [], String, 'trending-keywords'));
  }

  return { element, update };
}

function list(title, items, show, name) {
  return h('div', { 'data-list': name },
    h('h3', null, title),
    items.length
      ? horizontalBars(items.map(i => ({ label: show(i.item), value: i.recent, note: `burst ${i.burst.toFixed(1)}` })), `Trending ${title.toLowerCase()}`, v => v.toFixed(0))
      : h('p', { class: 'empty' }, `Nothing trending: an item needs at least 3 uses in the window.`));
}
