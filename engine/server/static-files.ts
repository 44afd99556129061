/** The pages' files, read once at start into an allow-list: a request path is looked up, never joined onto a folder. */
import { fileURLToPath } from 'node:url';
import { readInput } from '../io/index.ts';

/** One file to serve: its bytes and its Content-Type. */
export interface StaticFile {
  readonly body: Buffer;
  readonly type: string;
}

const TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
};

/** URL path → file in `static/`. `/instructor` is not here: it is served only behind the instructor's cookie. */
export const STATIC_ROUTES: Readonly<Record<string, string>> = {
  '/': 'index.html',
  '/static/style.css': 'style.css',
  '/static/page.js': 'page.js',
  '/static/trainee.js': 'trainee.js',
  '/static/instructor.js': 'instructor.js',
  '/static/favicon.svg': 'favicon.svg',
};

/** Every file read at start, by name, including `instructor.html`. */
export type StaticFiles = ReadonlyMap<string, StaticFile>;

/**
 * Reads every file of {@link STATIC_ROUTES} plus `instructor.html` from the `static/` folder beside this module
 * (the same relative place in a clone and in the built package). Throws when one is missing: the install is broken.
 *
 * @example
 * loadStaticFiles().get('index.html')?.type; // 'text/html; charset=utf-8'
 */
export function loadStaticFiles(): StaticFiles {
  const files = new Map<string, StaticFile>();
  for (const name of [...Object.values(STATIC_ROUTES), 'instructor.html']) {
    const path = fileURLToPath(new URL(`./static/${name}`, import.meta.url));
    const read = readInput(path, { maxFileSize: 1024 * 1024 });
    if (!read.ok)
      throw new Error(`the classroom's page file ${name} is missing from this install: ${read.issues[0]?.message ?? ''}`);
    files.set(name, {
      body: Buffer.from(read.value.text, 'utf8'),
      type: TYPES[name.slice(name.lastIndexOf('.') + 1)] ?? 'text/plain',
    });
  }
  return files;
}

/** The file for a raw request path (its query already cut off), or undefined: only exact allow-listed paths match. */
export function staticFileFor(files: StaticFiles, path: string): StaticFile | undefined {
  const name = Object.hasOwn(STATIC_ROUTES, path) ? STATIC_ROUTES[path] : undefined;
  return name === undefined ? undefined : files.get(name);
}
