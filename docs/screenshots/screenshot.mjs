// Screenshot of a live page in headless Chromium over the DevTools protocol: the page is loaded, left running for a
// while (its Server-Sent Events keep the network busy, so Chromium's own --screenshot never sees it settle), then
// captured. node --experimental-websocket screenshot.mjs CHROMIUM URL OUT.png [WIDTH] [HEIGHT] [WAIT_MS]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [chromiumPath, url, out, width = '1440', height = '1900', wait = '8000'] = process.argv.slice(2);
const profile = mkdtempSync(join(tmpdir(), 'sm-screenshot-'));
const chromium = spawn(chromiumPath, [
  '--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--no-first-run', '--disable-sync',
  '--disable-background-networking', '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank',
], { stdio: ['ignore', 'ignore', 'pipe'] });

const endpoint = await new Promise((resolve, reject) => {
  let text = '';
  chromium.stderr.on('data', chunk => {
    text += chunk;
    const match = text.match(/DevTools listening on (ws:\/\/\S+)/);
    if (match) resolve(match[1]);
  });
  chromium.on('exit', code => reject(new Error(`chromium exited (${code}): ${text}`)));
});

const socket = new WebSocket(endpoint);
await new Promise(resolve => socket.addEventListener('open', resolve, { once: true }));
let nextId = 1;
const pending = new Map();
socket.addEventListener('message', event => {
  const message = JSON.parse(event.data);
  if (message.id && pending.has(message.id)) {
    const { resolve, reject } = pending.get(message.id);
    pending.delete(message.id);
    message.error ? reject(new Error(JSON.stringify(message.error))) : resolve(message.result);
  }
});
const send = (method, params = {}, sessionId) => new Promise((resolve, reject) => {
  const id = nextId++;
  pending.set(id, { resolve, reject });
  socket.send(JSON.stringify({ id, method, params, sessionId }));
});

try {
  const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
  await send('Emulation.setDeviceMetricsOverride', { width: +width, height: +height, deviceScaleFactor: 1, mobile: false }, sessionId);
  await send('Page.enable', {}, sessionId);
  await send('Page.navigate', { url }, sessionId);
  await new Promise(resolve => setTimeout(resolve, +wait));
  const { data } = await send('Page.captureScreenshot', { format: 'png' }, sessionId);
  writeFileSync(out, Buffer.from(data, 'base64'));
  await send('Browser.close').catch(() => {});
} finally {
  socket.close();
  chromium.kill();
  rmSync(profile, { recursive: true, force: true });
}
