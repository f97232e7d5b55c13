// Talks to the gateway: the API key (taken once, kept for this tab), JSON requests, live streams.
const KEY = 'sm.apiKey';
const ADMIN_KEY = 'sm.adminKey';

// A key in the address (?apiKey=) is moved to session storage and out of the address bar,
// so that it does not stay in history, bookmarks or screenshots.
export function adoptKeyFromAddress() {
  const url = new URL(location.href);
  const key = url.searchParams.get('apiKey');
  if (key) {
    sessionStorage.setItem(KEY, key);
    url.searchParams.delete('apiKey');
    history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
}

export const readKey = () => sessionStorage.getItem(KEY);
export const setReadKey = key => sessionStorage.setItem(KEY, key);
export const adminKey = () => sessionStorage.getItem(ADMIN_KEY) || readKey();
export const setAdminKey = key => sessionStorage.setItem(ADMIN_KEY, key);

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function request(path, { key = readKey(), method = 'GET', body } = {}) {
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

// EventSource cannot send headers, so the streams (and only they) take the key as ?apiKey=.
export function live(path, handlers, onState) {
  const key = readKey();
  const source = new EventSource(key ? `${path}?apiKey=${encodeURIComponent(key)}` : path);
  source.onopen = () => onState('live');
  source.onerror = () => onState(source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting');
  for (const [type, handle] of Object.entries(handlers)) {
    source.addEventListener(type, event => handle(JSON.parse(event.data)));
  }
  return source;
}
