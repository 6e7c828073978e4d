// Writes the hostable release: dist/cdn/<version>/ with the CDN bundles, their source maps,
// custom-elements.json and integrity.json (the SHA-384 of every file, for `integrity`
// attributes), plus dist/cdn/latest/, a copy that is convenient for trying things out but
// changes under a page: production pages use the versioned folder with its hashes.
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const { version } = JSON.parse(readFileSync(join(root, 'widgets/package.json'), 'utf8'));
const source = join(root, 'widgets/dist/cdn');
const target = join(root, 'dist/cdn', version);
const latest = join(root, 'dist/cdn/latest');

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
cpSync(source, target, { recursive: true });
cpSync(join(root, 'widgets/custom-elements.json'), join(target, 'custom-elements.json'));

const integrity = {};
for (const path of files(target).sort()) {
  const name = relative(target, path);
  if (name === 'integrity.json') continue;
  integrity[name] = `sha384-${createHash('sha384').update(readFileSync(path)).digest('base64')}`;
}
writeFileSync(join(target, 'integrity.json'), `${JSON.stringify({ version, files: integrity }, null, 2)}\n`);

rmSync(latest, { recursive: true, force: true });
cpSync(target, latest, { recursive: true });
console.log(
  `Release files: dist/cdn/${version}/ (${Object.keys(integrity).length} files, integrity.json) and dist/cdn/latest/`,
);
