/**
 * What the extension's end-to-end tests share: Debian's Chromium with the built extension
 * loaded unpacked, marketplace fixture pages served under their real host names, a
 * counting proxy in front of the real Lokaal server (to see every request the extension
 * makes), and a look into the panel's closed shadow root through the DevTools protocol,
 * which (unlike the page's scripts) can see it.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, CHROMIUM_FLAGS, SCREENSHOTS } from '../support/browser.js';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';

/** The part of the DevTools protocol's DOM node that the tests read. */
interface DomNode {
  nodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
  shadowRootType?: string;
}

export { CHROMIUM, SCREENSHOTS };
export const EXTENSION_DIR = fileURLToPath(new URL('../../extension/dist/chromium/', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** A strict policy, as a marketplace may send: no inline script, no inline style. */
export const STRICT_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'";

/** Marketplace paths and the fixture each serves. */
export const PAGES = {
  product: '/nl/nl/p/fietsbel-aluminium-goud/9300000001/',
  unknown: '/nl/nl/p/sleutelhanger-vuurtoren/9300000003/',
  similar: '/nl/nl/p/fietsbel-klassiek-zwart/9300000004/',
  spa: '/nl/nl/p/fietsbel-spa/9300000005/',
  spaVariant: '/nl/nl/p/fietsbel-kinder-zilver/9300000002/',
  crowded: '/nl/nl/p/fietsbel-aluminium-goud-bezorging/9300000006/',
  /** The stocked product on a page that rewrites its address after load. */
  tidy: '/nl/nl/p/fietsbel-aluminium-goud-netjes/9300000007/',
  /** A list page, not a product page, whose JSON-LD describes a product sold nearby. */
  list: '/nl/nl/l/fietsbellen/12345/',
} as const;
const FIXTURE_FOR: Record<string, string> = {
  [PAGES.product]: 'bol-product.html',
  [PAGES.unknown]: 'bol-unknown.html',
  [PAGES.similar]: 'bol-similar.html',
  [PAGES.spa]: 'bol-spa.html',
  [PAGES.spaVariant]: 'bol-spa.html',
  [PAGES.crowded]: 'bol-crowded.html',
  [PAGES.list]: 'bol-list.html',
  [PAGES.tidy]: 'bol-product.html',
  '/static/page.css': 'page.css',
  '/static/spa.js': 'spa.js',
  '/static/tidy-address.js': 'tidy-address.js',
};
/** Pages served with a script of their own added to the fixture's head. */
const SCRIPT_FOR: Record<string, string> = { [PAGES.tidy]: '/static/tidy-address.js' };
const TYPES: Record<string, string> = { html: 'text/html', css: 'text/css', js: 'text/javascript' };

export const bolUrl = (path: string): string => `https://www.bol.com${path}`;

/** Waits until the condition holds (checked every 50 ms), or fails after the timeout. */
export async function until<T>(
  condition: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A proxy in front of the API that records each request path and when its answer was sent. */
export interface CountingProxy {
  baseUrl: string;
  /** Milliseconds every answer is held back, as a slow API would (0 by default). */
  delayMs: number;
  requests: Array<{ path: string; done: boolean; headers: Record<string, string | string[] | undefined> }>;
  close: () => Promise<void>;
}

export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const requests: CountingProxy['requests'] = [];
  const server: Server = createServer((request, response) => {
    const entry = { path: request.url ?? '', done: false, headers: request.headers };
    requests.push(entry);
    const forwarded: Record<string, string> = { accept: request.headers.accept ?? '*/*' };
    if (request.headers['if-none-match']) forwarded['if-none-match'] = request.headers['if-none-match'];
    new Promise((resolve) => setTimeout(resolve, proxy.delayMs))
      .then(() => fetch(`${target}${request.url}`, { headers: forwarded }))
      .then(async (answer) => {
        const headers: Record<string, string> = {};
        for (const name of [
          'content-type',
          'access-control-allow-origin',
          'access-control-expose-headers',
          'retry-after',
          'cache-control',
          'etag',
        ]) {
          const value = answer.headers.get(name);
          if (value) headers[name] = value;
        }
        response.writeHead(answer.status, headers);
        response.end(Buffer.from(await answer.arrayBuffer()));
      })
      .catch(() => {
        response.writeHead(502).end();
      })
      .finally(() => {
        entry.done = true;
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const proxy: CountingProxy = {
    baseUrl: `http://127.0.0.1:${port}`,
    delayMs: 0,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return proxy;
}

export interface LoadedExtension {
  context: BrowserContext;
  extensionId: string;
  worker: () => Promise<Worker>;
  close: () => Promise<void>;
}

/** Chromium with the built extension, and the marketplace served from the fixtures. */
export async function launchWithExtension(extensionDir = EXTENSION_DIR): Promise<LoadedExtension> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`${extensionDir} is missing: run \`npm run build\` first`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'lokaal-extension-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...CHROMIUM_FLAGS,
    ],
  });
  await serveMarketplace(context);
  const worker = async (): Promise<Worker> =>
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL((await worker()).url()).host;
  return {
    context,
    extensionId,
    worker,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Serves the marketplace's fixture pages under bol.com's address, with a strict CSP. */
async function serveMarketplace(context: BrowserContext): Promise<void> {
  await context.route('https://www.bol.com/**', async (route) => {
    const path = new URL(route.request().url()).pathname;
    const fixture = FIXTURE_FOR[path];
    if (!fixture) return route.fulfill({ status: 404, body: 'not found' });
    await route.fulfill({
      status: 200,
      headers: {
        'content-type': `${TYPES[fixture.split('.').pop()!]}; charset=utf-8`,
        'content-security-policy': STRICT_CSP,
      },
      body: SCRIPT_FOR[path]
        ? readFileSync(join(FIXTURES, fixture), 'utf8').replace(
            '</head>',
            `  <script src="${SCRIPT_FOR[path]}" defer></script>\n  </head>`,
          )
        : readFileSync(join(FIXTURES, fixture)),
    });
  });
}

/**
 * Chromium in which the test itself installs, updates and removes the extension through
 * the DevTools protocol (`Extensions.loadUnpacked`, `Extensions.uninstall`), as happens
 * when the browser updates an extension, or the shopper removes it, while pages are open.
 */
export interface ManagedBrowser {
  context: BrowserContext;
  /** Installs the built extension; installing it again is an update. Returns its id. */
  install(): Promise<string>;
  uninstall(extensionId: string): Promise<void>;
  /** The extension's service worker, once it runs. */
  worker(extensionId: string): Promise<Worker>;
  close(): Promise<void>;
}

export async function launchManaged(extensionDir = EXTENSION_DIR): Promise<ManagedBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'lokaal-managed-'));
  const child = spawn(
    CHROMIUM,
    [
      ...CHROMIUM_FLAGS,
      '--headless=new',
      `--user-data-dir=${profile}`,
      '--remote-debugging-port=0',
      '--enable-unsafe-extension-debugging',
      '--window-size=1280,900',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-2000);
  });
  /** Ends Chromium: asked to close (`ask`), else terminated, killed if it lingers. */
  const stop = async (ask?: () => Promise<unknown>) => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await (ask ? ask().catch(() => child.kill()) : child.kill());
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(killer);
    }
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    } catch {
      // A helper process still writing there: the system's temporary folder keeps it.
    }
  };
  try {
    const portFile = join(profile, 'DevToolsActivePort');
    const port = await until(() => {
      if (child.exitCode !== null) throw new Error(`Chromium exited (${child.exitCode}): ${errors}`);
      return existsSync(portFile) && readFileSync(portFile, 'utf8').split('\n')[0];
    }, 'Chromium’s DevTools port');
    const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    const context = browser.contexts()[0]!;
    await serveMarketplace(context);
    const cdp = await browser.newBrowserCDPSession();
    const send = async (method: string, params: object): Promise<Record<string, unknown>> => {
      try {
        return await (
          cdp as unknown as { send(method: string, params: object): Promise<Record<string, unknown>> }
        ).send(method, params);
      } catch (error) {
        throw new Error(`${method} failed; this Chromium may not offer it over a DevTools port`, {
          cause: error,
        });
      }
    };
    return {
      context,
      install: async () => String((await send('Extensions.loadUnpacked', { path: extensionDir })).id),
      uninstall: async (id) => {
        await send('Extensions.uninstall', { id });
      },
      worker: (id) =>
        until(
          () =>
            context.serviceWorkers().find((worker) => worker.url().startsWith(`chrome-extension://${id}/`)),
          'the extension’s service worker',
        ),
      close: async () => {
        await stop(() => cdp.send('Browser.close'));
        await browser.close().catch(() => undefined);
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Chooses postcode 3811 in the extension, as the welcome page does, with `apiBaseUrl` as its API. */
export async function chooseLocation(
  worker: Worker,
  serverBaseUrl: string,
  apiBaseUrl: string,
): Promise<void> {
  const geocoded = (await (await fetch(`${serverBaseUrl}/v1/geocode?q=3811`)).json()) as {
    point: { lat: number; lon: number };
  };
  await worker.evaluate(
    (settings) =>
      (
        globalThis as unknown as { chrome: { storage: { local: { set: (v: unknown) => Promise<void> } } } }
      ).chrome.storage.local.set(settings),
    { apiBaseUrl, location: { label: '3811', point: geocoded.point, source: 'geocode' } },
  );
}

/**
 * Stops the extension's service worker, as the browser does when it has been idle for a
 * while: all it kept in memory is lost, and the next event starts it afresh (which may be
 * at once: the worker has been stopped once all its versions were seen stopped).
 */
export async function stopWorker(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const seen = new Set<string>();
  const stopped = new Set<string>();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const version of versions) {
      seen.add(version.versionId);
      if (version.runningStatus === 'stopped') stopped.add(version.versionId);
    }
  });
  try {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await until(
      () => seen.size > 0 && [...seen].every((version) => stopped.has(version)),
      'the service worker stopped',
    );
  } finally {
    await cdp.detach();
  }
}

/** Evaluates `expression` in the extension's isolated world of the page's top frame. */
export async function inExtensionWorld(
  page: Page,
  extensionId: string,
  expression: string,
): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: Array<{ id: number; origin: string }> = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    await cdp.send('Runtime.enable');
    const world = contexts.find((context) => context.origin === `chrome-extension://${extensionId}`);
    if (!world) throw new Error('the extension has no isolated world in the page');
    const { result } = await cdp.send('Runtime.evaluate', {
      expression,
      contextId: world.id,
      returnByValue: true,
    });
    return result.value;
  } finally {
    await cdp.detach();
  }
}

/**
 * The extension's isolated worlds in the page's frames: one exists only where the
 * extension has run code in the page.
 */
export async function extensionWorlds(page: Page, extensionId: string): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const origins: string[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => origins.push(context.origin));
  // Enabling reports every context that exists, then new ones.
  await cdp.send('Runtime.enable');
  await cdp.detach();
  return origins.filter((origin) => origin === `chrome-extension://${extensionId}`).length;
}

/** The panel as the shopper sees it, read from its closed shadow root. */
export interface PanelSnapshot {
  mode: string;
  text: string;
  buttons: Array<{ label: string; nodeId: number }>;
  nodes: (name: string) => number[];
}

const sessions = new WeakMap<Page, CDPSession>();

async function session(page: Page): Promise<CDPSession> {
  let cdp = sessions.get(page);
  if (!cdp) {
    cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    sessions.set(page, cdp);
  }
  return cdp;
}

function walk(node: DomNode, visit: (node: DomNode) => boolean | void): void {
  if (visit(node) === false) return;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) walk(child, visit);
}

function textOf(node: DomNode): string {
  let text = '';
  walk(node, (child) => {
    if (child.nodeName === 'STYLE') return false;
    if (child.nodeType === 3) text += child.nodeValue ?? '';
    return true;
  });
  return text.replace(/\s+/g, ' ').trim();
}

export async function panelSnapshot(page: Page): Promise<PanelSnapshot | null> {
  const cdp = await session(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  let host: DomNode | undefined;
  walk(root, (node) => {
    if (node.nodeName === 'LOKAAL-EXTENSION-PANEL') host = node;
  });
  const shadow = host?.shadowRoots?.[0];
  if (!shadow) return null;
  const buttons: PanelSnapshot['buttons'] = [];
  walk(shadow, (node) => {
    if (node.nodeName === 'BUTTON')
      buttons.push({ label: textOf(node) || (attribute(node, 'aria-label') ?? ''), nodeId: node.nodeId });
  });
  return {
    mode: shadow.shadowRootType ?? '',
    text: textOf(shadow),
    buttons,
    nodes: (name) => {
      const found: number[] = [];
      walk(shadow, (node) => {
        if (node.nodeName === name) found.push(node.nodeId);
      });
      return found;
    },
  };
}

function attribute(node: DomNode, name: string): string | undefined {
  const attributes = node.attributes ?? [];
  const index = attributes.indexOf(name);
  return index >= 0 && index % 2 === 0 ? attributes[index + 1] : undefined;
}

/** Clicks a button of the panel by its label, as a shopper would: with the mouse. */
export async function clickInPanel(page: Page, label: string): Promise<void> {
  const snapshot = await until(() => panelSnapshot(page), 'the panel');
  const button = snapshot.buttons.find((candidate) => candidate.label.includes(label));
  if (!button)
    throw new Error(`no button "${label}" in the panel: ${snapshot.buttons.map((b) => b.label).join(', ')}`);
  const cdp = await session(page);
  await cdp.send('DOM.scrollIntoViewIfNeeded', { nodeId: button.nodeId });
  const { model } = await cdp.send('DOM.getBoxModel', { nodeId: button.nodeId });
  const [x1, y1, , , x3, y3] = model.border;
  await page.mouse.click((x1! + x3!) / 2, (y1! + y3!) / 2);
}

/** A computed style inside the panel, for the first element with this node name. */
export async function panelStyle(
  page: Page,
  nodeName: string,
  property: string,
): Promise<string | undefined> {
  const snapshot = await until(() => panelSnapshot(page), 'the panel');
  const nodeId = snapshot.nodes(nodeName)[0];
  if (nodeId === undefined) return undefined;
  const cdp = await session(page);
  await cdp.send('CSS.enable');
  const { computedStyle } = await cdp.send('CSS.getComputedStyleForNode', { nodeId });
  return computedStyle.find((entry) => entry.name === property)?.value;
}
