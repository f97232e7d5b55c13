// Open and recently resolved alerts, each with what drove it: the items that rose most against their own baseline
// when it opened (AlertView.drivers), with their counts over the drivers' window.
import { h, formatTime } from './dom.js';

const KINDS = [['hashtags', 'Hashtags', item => `#${item}`], ['keywords', 'Keywords', String], ['authors', 'Authors', String],
  ['platforms', 'Platforms', String], ['posts', 'Posts', String]];
const RESOLVED_SHOWN = 5;

export function alertsPanel(alerts) {
  const open = (alerts ?? []).filter(a => a.state === 'open');
  const resolved = (alerts ?? []).filter(a => a.state === 'resolved').slice(0, RESOLVED_SHOWN);
  return h('div', { class: 'panel alerts', 'data-panel': 'alerts' },
    h('h2', null, 'Alerts'),
    !open.length && !resolved.length && h('p', { class: 'empty' }, 'No alert so far: rules watch negative sentiment, volume spikes, conversion drops and hours the forecast did not expect.'),
    open.length > 0 && h('ul', { class: 'alert-list', 'aria-label': 'Open alerts' }, open.map(alertRow)),
    resolved.length > 0 && h('details', { open: !open.length },
      h('summary', null, `Recently resolved (${resolved.length})`),
      h('ul', { class: 'alert-list', 'aria-label': 'Recently resolved alerts' }, resolved.map(alertRow))));
}

function alertRow(alert) {
  return h('li', { class: 'alert', 'data-alert': alert.alertId, 'data-state': alert.state, 'data-rule': alert.rule },
    h('div', { class: 'alert-head' },
      h('span', { class: 'badge', 'data-state': alert.state }, alert.state),
      h('strong', null, alert.rule),
      h('span', { class: 'meta' }, alert.state === 'open' ? `since ${formatTime(alert.openedAt)}` : `${formatTime(alert.openedAt)} – ${formatTime(alert.resolvedAt)}`)),
    h('p', { class: 'alert-message' }, alert.message),
    drivers(alert.drivers));
}

function drivers(d) {
  if (!d) return h('p', { class: 'meta' }, 'Opened before drivers were recorded.');
  const rows = KINDS.filter(([key]) => d[key]?.length).map(([key, title, show]) => h('div', { class: 'driver-row', 'data-kind': key },
    h('span', { class: 'driver-kind' }, title),
    d[key].map(item => h('span', { class: 'chip', title: `${item.recent.toFixed(1)} in the last ${d.window} against ${item.expected.toFixed(1)} expected (burst ${item.burst.toFixed(1)})` },
      show(item.item), ' ', h('b', null, Math.round(item.recent)), h('small', null, ` vs ${item.expected.toFixed(1)}`)))));
  const basis = d.basis === 'negative-texts' ? 'negative texts' : 'all events';
  return h('div', { class: 'drivers', 'aria-label': 'What drove this alert' },
    h('div', { class: 'meta' }, `Drivers: what rose most in the ${d.window} before it opened (${basis}; count vs expected)`),
    rows.length ? rows : h('p', { class: 'meta' }, 'Nothing stood out against its baseline.'));
}
