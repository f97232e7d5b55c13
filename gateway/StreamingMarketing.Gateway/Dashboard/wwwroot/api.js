// Talks to the gateway: the session (a read key traded once for an HttpOnly cookie), JSON requests, live streams.
// The read key is never stored by the page and never put in a URL; reads and streams ride on the cookie.
const ADMIN_KEY = 'sm.adminKey';

export const adminKey = () => sessionStorage.getItem(ADMIN_KEY);
export const setAdminKey = key => sessionStorage.setItem(ADMIN_KEY, key);

// POST /api/session with the key in a header; the answer sets the cookie (HttpOnly, SameSite=Strict).
export async function signIn(key) {
  const response = await fetch('/api/session', { method: 'POST', headers: { 'X-Api-Key': key } });
  if (!response.ok) throw new ApiError(response.status, response.status === 401 ? 'That key is not valid.' : `${response.status} ${response.statusText}`);
}

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function request(path, { key = null, method = 'GET', body } = {}) {
  const headers = { Accept: 'application/json' };
  if (key) headers['X-Api-Key'] = key;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, json?.error ?? `${response.status} ${response.statusText}`);
  return json;
}

export const getJson = path => request(path);

export const postFeedback = feedback => request('/api/feedback', { method: 'POST', body: feedback, key: adminKey() });

// Describing a campaign needs the admin scope too (the session cookie only reads).
export const putMetadata = (campaignId, metadata) =>
  request(`/api/campaigns/${encodeURIComponent(campaignId)}`, { method: 'PUT', body: metadata, key: adminKey() });

// EventSource cannot send headers: same-origin streams carry the session cookie.
export function live(path, handlers, onState) {
  const source = new EventSource(path);
  source.onopen = () => onState('live');
  source.onerror = () => onState(source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting');
  for (const [type, handle] of Object.entries(handlers)) {
    source.addEventListener(type, event => handle(JSON.parse(event.data)));
  }
  return source;
}
