/** The installed package as a user has it: `npm pack` of this checkout, installed offline into a fresh folder. */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What `npm pack` needs of the checkout: the build inputs and what `files` ships. */
const PACK_INPUTS = ['package.json', 'README.md', 'tsconfig.json', 'tsconfig.build.json', 'bin', 'engine'];

/** A policy repository with edrsim installed from its tarball; `remove` deletes every file of it. */
export interface PackedInstall {
  /** The policy repository: run `npx --no-install edrsim` here. */
  readonly folder: string;
  /** `node_modules/edrsim/bin/edrsim.js`, the binary npm linked. */
  readonly bin: string;
  /** The tarball's name inside {@link folder}, e.g. `edrsim-0.1.0.tgz`. */
  readonly tarball: string;
  readonly remove: () => void;
}

interface LockEntry {
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly [key: string]: unknown;
}

/**
 * Packs `repo` and installs the tarball with `npm i -D ./edrsim-x.y.z.tgz --offline` into a new temporary
 * folder. The checkout is never written to: the sources are copied to a staging folder (its `node_modules`
 * a link to the checkout's) and `prepare` builds `dist/` there. About 10-20 s, mostly tsc and npm.
 *
 * npm 11 asks the registry for the full metadata of a new dependency's dependencies even with `--offline`,
 * and the cache holds only what `npm ci` fetched; so the folder gets the lock file that a first, online
 * `npm i -D ./edrsim-x.y.z.tgz` writes (versions and integrities from this checkout's lock), with which npm
 * installs from the tarball and the cache alone.
 *
 * @example
 * const installed = packAndInstall(process.cwd());
 * execFileSync(process.execPath, [installed.bin, '--version'], { cwd: installed.folder });
 * installed.remove();
 */
export function packAndInstall(repo: string): PackedInstall {
  const root = mkdtempSync(join(tmpdir(), 'edrsim-pack-'));
  const remove = (): void => rmSync(root, { recursive: true, force: true });
  try {
    const stage = join(root, 'stage');
    const folder = join(root, 'policy-repo');
    mkdirSync(folder);
    for (const input of PACK_INPUTS) cpSync(join(repo, input), join(stage, input), { recursive: true });
    symlinkSync(join(repo, 'node_modules'), join(stage, 'node_modules'), 'dir');
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string; dependencies: object };
    npm(['pack', '--pack-destination', folder], stage);
    const tarball = `edrsim-${pkg.version}.tgz`;
    writeFileSync(join(folder, 'package.json'), `${JSON.stringify({ name: 'policy-repo', private: true }, null, 2)}\n`);
    writeFileSync(join(folder, 'package-lock.json'), lockFor(repo, folder, tarball));
    npm(['install', '--save-dev', `./${tarball}`, '--offline'], folder);
    return { folder, bin: join(folder, 'node_modules', 'edrsim', 'bin', 'edrsim.js'), tarball, remove };
  } catch (error) {
    remove();
    throw error;
  }
}

/** The lock of a policy repository whose only dev dependency is the tarball, as npm writes it. */
function lockFor(repo: string, folder: string, tarball: string): string {
  const own = JSON.parse(readFileSync(join(repo, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as Record<string, unknown> & {
    dependencies: Record<string, string>;
  };
  const integrity = `sha512-${createHash('sha512')
    .update(readFileSync(join(folder, tarball)))
    .digest('base64')}`;
  const packages: Record<string, unknown> = {
    '': { name: 'policy-repo', devDependencies: { edrsim: `file:${tarball}` } },
    'node_modules/edrsim': {
      version: pkg['version'],
      resolved: `file:${tarball}`,
      integrity,
      dev: true,
      license: pkg['license'],
      dependencies: pkg.dependencies,
      bin: pkg['bin'],
      engines: pkg['engines'],
    },
  };
  // The runtime dependencies and theirs, as this checkout's lock pins them.
  const queue = Object.keys(pkg.dependencies);
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    const entry = own.packages[`node_modules/${name}`];
    if (entry === undefined || packages[`node_modules/${name}`] !== undefined) continue;
    packages[`node_modules/${name}`] = { ...entry, dev: true };
    for (const dependency of Object.keys(entry.dependencies ?? {})) queue.push(dependency);
  }
  return `${JSON.stringify({ name: 'policy-repo', lockfileVersion: 3, requires: true, packages }, null, 2)}\n`;
}

/** Runs npm in `cwd`, without the `npm_*` variables of an enclosing `npm test` (they would steer it). */
function npm(args: readonly string[], cwd: string): void {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('npm_') || key === 'npm_config_cache'),
  );
  execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, env, stdio: 'pipe', timeout: 180_000 });
}
