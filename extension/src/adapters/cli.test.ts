import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';

const ROOT = new URL('../../../', import.meta.url);
const FIXTURE = 'extension/test/fixtures/bol/gtin-in-json-ld.html';
const BOL_URL = 'https://www.bol.com/nl/nl/p/philips-hue-white-ambiance-e27/9200000091093424/';

/** Runs `npm run detect -- …` the way npm does (tsx), and returns its exit status and output. */
async function detect(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return detectFrom(undefined, ...args);
}

/** As `detect`, typed in `initCwd`: npm runs the script in the root and says where in INIT_CWD. */
async function detectFrom(
  initCwd: string | undefined,
  ...args: string[]
): Promise<{ status: number; stdout: string; stderr: string }> {
  const env = { ...process.env };
  if (initCwd) env.INIT_CWD = initCwd;
  else delete env.INIT_CWD;
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'extension/scripts/detect.ts', ...args],
      { cwd: ROOT, env },
    );
    return { status: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { status: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run detect', () => {
  it('prints adapter, identity and mount point of a saved page as JSON', async () => {
    const { status, stdout } = await detect(FIXTURE, '--url', BOL_URL);
    assert.equal(status, 0);
    const report = JSON.parse(stdout) as Record<string, unknown>;
    assert.deepEqual(report.adapter, { id: 'bol', name: 'bol.com' });
    assert.deepEqual(report.identity, {
      kind: 'gtin',
      gtin: '08719514328242',
      source: 'json-ld',
      title: 'Philips Hue White Ambiance E27 - Slimme lamp - 2 stuks',
      brand: 'Philips Hue',
      marketplaceId: { scheme: 'bol', value: '9200000091093424' },
    });
    assert.deepEqual(report.mount, {
      path: 'main#mainContent > div:nth-of-type(2) > section:nth-of-type(2)',
      position: 'afterend',
    });
  });

  it('finds a page relative to the folder the command was typed in', async () => {
    const folder = new URL('extension/test/fixtures/bol/', ROOT).pathname;
    const { status, stdout } = await detectFrom(folder, 'gtin-in-json-ld.html', '--url', BOL_URL);
    assert.equal(status, 0);
    assert.equal((JSON.parse(stdout) as { adapter: { id: string } }).adapter.id, 'bol');
  });

  it('exits 1 with a null identity when the page shows no product', async () => {
    const { status, stdout, stderr } = await detect(
      'extension/test/fixtures/generic/no-product-data.html',
      '--url=https://blog.example/tips',
    );
    assert.equal(status, 1);
    assert.equal((JSON.parse(stdout) as { identity: unknown }).identity, null);
    assert.match(stderr, /no product found/);
  });

  it('exits 2 with a clear message for a missing file', async () => {
    const { status, stdout, stderr } = await detect('extension/test/fixtures/nope.html', '--url', BOL_URL);
    assert.equal(status, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /no such file: extension\/test\/fixtures\/nope\.html/);
  });

  it('exits 2 with a clear message for a bad or missing URL', async () => {
    for (const [args, message] of [
      [[FIXTURE, '--url', 'www.bol.com/p/1'], /not a URL: www\.bol\.com\/p\/1/],
      [[FIXTURE, '--url', 'file:///etc/passwd'], /not an http\(s\) URL/],
      [[FIXTURE], /no --url given/],
      [['--url', BOL_URL], /no page given/],
    ] as const) {
      const { status, stderr } = await detect(...args);
      assert.equal(status, 2, args.join(' '));
      assert.match(stderr, message);
      assert.match(stderr, /usage: npm run detect -- <page\.html> --url/);
    }
  });
});
