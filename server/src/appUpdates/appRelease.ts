import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { copyFile, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import semver from 'semver';
import { parse } from 'yaml';

/** The update manifests `npm run dist` writes: latest.yml (Windows), latest-mac.yml, latest-linux.yml, latest-linux-arm64.yml… */
export const MANIFEST_NAME = /^latest(-[a-z0-9]+)*\.yml$/;
/** A file the hub's app folder may hold and serve: a plain name, no folder, no hidden file. */
export const RELEASE_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._ +-]*$/;

export class ReleaseRefused extends Error {}

interface ReleaseManifest {
  name: string;
  version: string;
  files: Array<{ url: string; sha512: string; size: number | undefined }>;
}

export function isReleaseFileName(name: string): boolean {
  return RELEASE_FILE_NAME.test(name) && !name.includes('..');
}

/** One latest*.yml as electron-builder writes it, checked for what the hub relies on. */
function readManifest(file: string): ReleaseManifest {
  const name = path.basename(file);
  let data: unknown;
  try {
    data = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ReleaseRefused(`${name} is not valid YAML: ${(error as Error).message}`);
  }
  const record = (data ?? {}) as { version?: unknown; files?: unknown };
  const version = typeof record.version === 'string' ? semver.valid(record.version) : null;
  if (!version) throw new ReleaseRefused(`${name} has no valid version (found ${String(record.version)})`);
  if (!Array.isArray(record.files) || record.files.length === 0) throw new ReleaseRefused(`${name} lists no files`);
  const files = record.files.map((entry: { url?: unknown; sha512?: unknown; size?: unknown }) => {
    if (typeof entry?.url !== 'string' || !isReleaseFileName(entry.url))
      throw new ReleaseRefused(`${name} names a file that is not a plain file name: ${String(entry?.url)}`);
    if (typeof entry.sha512 !== 'string') throw new ReleaseRefused(`${name}: ${entry.url} has no sha512`);
    return { url: entry.url, sha512: entry.sha512, size: typeof entry.size === 'number' ? entry.size : undefined };
  });
  return { name, version, files };
}

function manifestsIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => MANIFEST_NAME.test(name))
    .sort();
}

/** The version of a published manifest, or null when none is (or it is unreadable). */
function publishedVersion(appDir: string, manifestName: string): string | null {
  const file = path.join(appDir, manifestName);
  if (!existsSync(file)) return null;
  try {
    return readManifest(file).version;
  } catch {
    return null;
  }
}

async function sha512Of(file: string): Promise<string> {
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('base64');
}

/** Copied under a temporary name, then renamed: a client never sees half a file under its real name. */
async function copyInto(source: string, appDir: string, name: string): Promise<void> {
  const temporary = path.join(appDir, `.${name}.${randomUUID()}.tmp`);
  try {
    await copyFile(source, temporary);
    await rename(temporary, path.join(appDir, name));
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

export interface PublishedRelease {
  version: string;
  manifests: string[];
  files: string[];
}

/**
 * Publishes the output of `npm run dist` (`sourceDir`) into the hub's app folder: the files the
 * manifests name, with their .blockmap files, then the manifests last, so that a client never
 * reads a manifest whose files are not all there. Earlier releases stay: a differential download
 * compares against the installed version's blockmap, which the hub must still serve.
 */
export async function publishAppRelease(appDir: string, sourceDir: string): Promise<PublishedRelease> {
  if (!existsSync(sourceDir) || !statSync(sourceDir).isDirectory())
    throw new ReleaseRefused(`${sourceDir} is not a folder`);
  const manifestNames = manifestsIn(sourceDir);
  if (manifestNames.length === 0)
    throw new ReleaseRefused(`${sourceDir} holds no latest*.yml: give the output folder of npm run dist (release/)`);
  const manifests = manifestNames.map((name) => readManifest(path.join(sourceDir, name)));
  const versions = new Set(manifests.map((m) => m.version));
  if (versions.size > 1) throw new ReleaseRefused(`The manifests name different versions: ${[...versions].join(', ')}`);
  const version = manifests[0]!.version;
  for (const manifest of manifests) {
    const published = publishedVersion(appDir, manifest.name);
    if (published && semver.lt(version, published))
      throw new ReleaseRefused(
        `${manifest.name}: version ${version} is older than the published ${published}; an app never updates backwards`,
      );
  }

  const files = new Set<string>();
  for (const manifest of manifests) {
    for (const entry of manifest.files) {
      const source = path.join(sourceDir, entry.url);
      if (!existsSync(source))
        throw new ReleaseRefused(`${manifest.name} names ${entry.url}, which is not in ${sourceDir}`);
      if (entry.size !== undefined && statSync(source).size !== entry.size)
        throw new ReleaseRefused(`${entry.url} is not the size ${manifest.name} gives (${entry.size} bytes)`);
      if ((await sha512Of(source)) !== entry.sha512)
        throw new ReleaseRefused(`${entry.url} does not match the sha512 in ${manifest.name}`);
      files.add(entry.url);
      if (existsSync(`${source}.blockmap`)) files.add(`${entry.url}.blockmap`);
    }
  }

  await mkdir(appDir, { recursive: true });
  for (const name of files) await copyInto(path.join(sourceDir, name), appDir, name);
  for (const name of manifestNames) await copyInto(path.join(sourceDir, name), appDir, name);
  return { version, manifests: manifestNames, files: [...files].sort() };
}

/** `npm run hub -- publish app DIR`: what it did, for the operator. */
export async function runPublishApp(appDir: string, sourceDir: string | undefined): Promise<string> {
  if (!sourceDir)
    throw new ReleaseRefused('usage: npm run hub -- publish app DIR (the release/ folder of npm run dist)');
  const release = await publishAppRelease(appDir, sourceDir);
  return [
    `Published Gapbridge ${release.version} in ${appDir}: ${release.manifests.join(', ')}.`,
    `Files: ${release.files.join(', ')}.`,
  ].join('\n');
}
