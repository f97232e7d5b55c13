// Routes between the campaign list (#/) and one campaign (#/campaigns/ID), each fed live by Server-Sent Events.
import { signIn, getJson, live, ApiError } from './api.js';
import { renderCampaignList } from './campaign-list.js';
import { createCampaignView } from './campaign-view.js';
import { createVariantsPanel } from './variants.js';
import { createAllocationPanel } from './allocation-panel.js';
import { renderComparison, MAX_COMPARED } from './compare-view.js';

const view = document.getElementById('view');
const liveBadge = document.getElementById('live');
const errorBox = document.getElementById('error');
const keyForm = document.getElementById('key-form');
let stream = null;
// The campaign list the server embedded in the page (FirstPaint.cs), used once.
let firstPaint = takeFirstPaint();

function takeFirstPaint() {
  const element = document.getElementById('first-paint');
  element?.remove();
  return element ? JSON.parse(element.textContent) : null;
}

function setLiveState(state) {
  liveBadge.dataset.state = state;
  liveBadge.textContent = { live: 'live', reconnecting: 'reconnecting…', closed: 'disconnected', connecting: 'connecting…' }[state] ?? state;
  // A stream the server refused (for example a revoked key) is not retried by EventSource: try again from the top.
  if (state === 'closed') setTimeout(route, 5000);
}

function showError(error) {
  if (error instanceof ApiError && error.status === 401) {
    keyForm.hidden = false;
    errorBox.hidden = true;
    return;
  }
  errorBox.textContent = error.message;
  errorBox.hidden = false;
}

// Each route bumps the generation; a route still awaiting the API when the address changes again must not draw over
// (or open a stream for) the newer one.
let generation = 0;

async function route() {
  const mine = ++generation;
  const current = () => mine === generation;
  stream?.close();
  errorBox.hidden = true;
  setLiveState('connecting');
  const match = location.hash.match(/^#\/campaigns\/(.+)$/);
  const compare = location.hash.match(/^#\/compare(?:\/(.*))?$/);
  try {
    if (match) await showCampaign(decodeURIComponent(match[1]), current);
    else if (compare) await showComparison((compare[1] ?? '').split(',').filter(Boolean).map(decodeURIComponent).slice(0, MAX_COMPARED), current);
    else await showList(current);
    keyForm.hidden = true;
  } catch (error) {
    showError(error);
  }
}

// An embedded first paint is drawn before anything is awaited. Then a plain request, because only HTTP tells a
// missing or wrong key (401) apart, and the stream keeps the list current.
async function showList(current) {
  view.replaceChildren(firstPaint ? renderCampaignList(firstPaint) : loading('Loading campaigns…'));
  firstPaint = null;
  await getJson('/api/campaigns?pageSize=1');
  if (!current()) return;
  stream = live('/api/live', { campaigns: list => view.replaceChildren(renderCampaignList(list)) }, setLiveState);
}

function loading(text) {
  const p = document.createElement('p');
  p.className = 'empty';
  p.textContent = text;
  return p;
}

// A comparison is a snapshot (no stream): it is read once when opened or when the choice changes.
async function showComparison(ids, current) {
  view.replaceChildren(loading('Loading campaigns…'));
  const comparison = await renderComparison(ids);
  if (!current()) return;
  view.replaceChildren(comparison);
  setLiveState('snapshot');
}

async function showCampaign(campaignId, current) {
  const campaign = createCampaignView(campaignId);
  view.replaceChildren(campaign.element, createVariantsPanel(campaignId).element, createAllocationPanel(campaignId).element);
  try {
    const answer = await getJson(`/api/campaigns/${encodeURIComponent(campaignId)}`);
    if (!current()) return;
    campaign.update(answer);
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) throw error;
    if (!current()) return;
    campaign.showMissing();
  }
  stream = live(`/api/campaigns/${encodeURIComponent(campaignId)}/live`, { campaign: campaign.update, missing: campaign.showMissing }, setLiveState);
}

keyForm.addEventListener('submit', async event => {
  event.preventDefault();
  try {
    await signIn(document.getElementById('key-input').value);
    route();
  } catch (error) {
    showError(error);
  }
});
window.addEventListener('hashchange', route);
route();
