// Top influencers of a campaign (GET /api/campaigns/{id}/influencers): users whose posts draw the most engagement.
import { h, formatCount } from './dom.js';
import { getJson } from './api.js';
import { refresher } from './refresher.js';

const TOP = 8;

export function createInfluencersPanel(campaignId) {
  const body = h('div');
  const element = h('div', { class: 'panel', 'data-panel': 'influencers' }, h('h2', null, 'Top influencers'), body);
  const refresh = refresher(element, () => getJson(`/api/campaigns/${encodeURIComponent(campaignId)}/influencers?top=${TOP}`), render);

  function render(answer, error) {
    const list = answer?.influencers ?? [];
    if (error) body.replaceChildren(h('p', { class: 'empty' }, `Influencers not available: ${error.message}`));
    else if (!list.length) body.replaceChildren(h('p', { class: 'empty' }, 'Nobody yet: a user counts once others share, like, reply to or follow from a post they mentioned first (postId).'));
    else body.replaceChildren(h('div', { class: 'table-scroll' }, h('table', { class: 'table compact' },
      h('thead', null, h('tr', null, ['User', 'Score', 'Shares', 'Mentions', 'Replies', 'Likes', 'Follows'].map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', null, list.map(u => h('tr', { 'data-user': u.userId },
        h('td', null, u.userId), h('td', null, u.score.toFixed(1)),
        [u.sharesReceived, u.mentionsReceived, u.repliesReceived, u.likesReceived, u.followsGained].map(n => h('td', null, formatCount(n)))))))));
  }

  return { element, refresh };
}
