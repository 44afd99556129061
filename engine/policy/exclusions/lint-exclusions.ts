/** Lints exclusion lists against Microsoft's common-mistakes list (§4.4 lint list, excl-mistakes); findings are warnings. */
import { shortNameIn } from '../../core/canonical-path.ts';
import { append } from '../../core/append.ts';
import type { ExclusionLists } from '../../core/config.ts';
import type { Issue, Path } from '../../core/issue.ts';
import { expandEnvVars } from './expand-env-vars.ts';
import { pathSegments, rootKind } from './normalize-path.ts';
import * as risky from './risky-entries.ts';

export interface LintOptions {
  /** Drive letters mapped to network shares on the devices, with their UNC paths: `{ 'Z:': '\\\\srv\\share' }` (#25). */
  readonly mappedDrives?: Readonly<Record<string, string>>;
  /** SharePoint service accounts whose `AppData\Local\Temp` may be excluded (excl-mistakes exception). */
  readonly sharePointServiceAccounts?: readonly string[];
}

const ADVICE = 'exclude the specific folder or file the workload needs (excl-mistakes)';

function warn(code: string, path: Path, message: string, hint: string): Issue {
  return { code, path, message, hint, severity: 'warning' };
}

/** A path entry's folder as the linter sees it: segments with a trailing `\*` set aside. */
interface Folder {
  readonly raw: string;
  readonly named: string;
  readonly segments: readonly string[];
  readonly folder: readonly string[];
  readonly text: string;
}

function folderOf(entry: string): Folder {
  const trimmed = entry.trim();
  const marker = trimmed.indexOf(':{');
  const raw = marker > 0 ? trimmed.slice(0, marker - 1) : trimmed;
  const segments = pathSegments(expandEnvVars(raw).text);
  const folder = segments.at(-1) === '*' ? segments.slice(0, -1) : segments;
  return { raw, named: `\`${trimmed}\``, segments, folder, text: folder.join('\\') };
}

/** Variables that resolve to the system profile, and drives that are network mappings (C11, #25). */
function lintLocation(f: Folder, path: Path, options: LintOptions): Issue[] {
  const issues: Issue[] = [];
  if (risky.PROFILE_VARIABLES.test(f.raw)) {
    const message = `${f.named} uses a profile variable, which resolves to the system profile (C:\\Windows\\system32\\config\\systemprofile), never a user's`;
    issues.push(
      warn(
        'exclusion_user_profile_variable',
        path,
        message,
        'write the real profile path, e.g. C:\\Users\\alice\\Downloads or C:\\Users\\*\\Downloads (§4.2, C11)',
      ),
    );
  }
  const drive = (f.segments[0] ?? '').replace(/:$/, '');
  const mapped = Object.entries(options.mappedDrives ?? {}).find(([letter]) => letter.replace(/:$/, '').toLowerCase() === drive);
  if (mapped !== undefined) {
    const unc = `${mapped[1].replace(/\\$/, '')}${f.raw.slice(2)}`;
    issues.push(
      warn(
        'exclusion_mapped_drive',
        path,
        `${f.named} is on mapped drive ${drive.toUpperCase()}:, which exclusions do not honour`,
        `use the network path ${unc} (§4.4 #25)`,
      ),
    );
  }
  return issues;
}

/** Folders too broad, vendor roots, temp folders and system folders (excl-mistakes). */
function lintScope(f: Folder, path: Path, options: LintOptions): Issue[] {
  const issues: Issue[] = [];
  const [root = '', parent = '', user = '', ...rest] = f.folder;
  const kind = rootKind(root);
  if (kind === 'relative' || kind === 'wildcard-drive') return issues;
  if (kind === 'drive' && f.folder.length <= 1) {
    issues.push(warn('exclusion_too_broad', path, `${f.named} excludes the whole ${root.toUpperCase()} drive`, ADVICE));
  } else if (kind === 'unc' && f.folder.length <= 2) {
    issues.push(warn('exclusion_too_broad', path, `${f.named} excludes a whole network share`, ADVICE));
  } else if (risky.BROAD_FOLDERS.has(f.text)) {
    issues.push(warn('exclusion_too_broad', path, `${f.named} excludes ${risky.BROAD_FOLDERS.get(f.text) ?? ''}`, ADVICE));
  } else if (f.folder.length === 3 && risky.VENDOR_PARENTS.has(`${root}\\${parent}`) && !user.includes('.')) {
    issues.push(
      warn(
        'exclusion_vendor_root',
        path,
        `${f.named} excludes a whole vendor folder`,
        'exclude the specific executable or data folder instead, e.g. C:\\Program Files\\Contoso\\App\\app.exe (excl-mistakes)',
      ),
    );
  }
  if (risky.TEMP_FOLDERS.has(f.text)) {
    issues.push(
      warn(
        'exclusion_temp_folder',
        path,
        `${f.named} excludes ${risky.TEMP_FOLDERS.get(f.text) ?? 'a temp folder'}, where malware is often dropped`,
        'do not exclude temp folders (excl-mistakes)',
      ),
    );
  }
  const userTemp =
    root === 'c:' &&
    parent === 'users' &&
    rest[0] === 'appdata' &&
    (rest[1] === 'local' || rest[1] === 'locallow') &&
    rest[2] === 'temp';
  const exception =
    user === 'default' || (options.sharePointServiceAccounts ?? []).some((account) => account.toLowerCase() === user);
  if (userTemp && !exception) {
    const hint = /[*?]/.test(user)
      ? 'do not exclude user temp folders (excl-mistakes)'
      : 'only the SharePoint service account temp folder is a documented exception; list it in sharePointServiceAccounts if that is what this is';
    issues.push(warn('exclusion_temp_folder', path, `${f.named} excludes a user temp folder`, hint));
  }
  if (risky.SYSTEM_FOLDERS.has(f.text)) {
    issues.push(
      warn(
        'exclusion_system_folder',
        path,
        `${f.named} excludes ${risky.SYSTEM_FOLDERS.get(f.text) ?? 'a system folder'}`,
        'do not exclude this system folder (excl-mistakes)',
      ),
    );
  }
  return issues;
}

/** An 8.3 short name (`PROGRA~1`) in a path or image name: it never matches the long path (contract §5.1). */
function lintShortName(text: string, path: Path): Issue[] {
  const short = shortNameIn(text);
  if (short === undefined) return [];
  // [inference]: Defender matches the (long) path Windows hands it; nothing expands short names.
  const message = `\`${text.trim()}\` uses the 8.3 short name \`${short}\`, but Defender matches the long path it is handed, so files under the long name are not excluded`;
  return [
    warn(
      'exclusion_short_name',
      path,
      message,
      'write the long name (`dir /x` lists both), e.g. C:\\Program Files\\… instead of C:\\PROGRA~1\\… [inference]',
    ),
  ];
}

function lintProcess(text: string, path: Path, options: LintOptions): Issue[] {
  const issues: Issue[] = [];
  const expanded = expandEnvVars(text.trim()).text;
  const name = pathSegments(expanded).at(-1) ?? '';
  if (risky.RISKY_PROCESSES.has(name)) {
    issues.push(
      warn(
        'exclusion_risky_process',
        path,
        `process \`${text}\` is one Microsoft says never to exclude`,
        'files it opens would go unscanned; remove it (excl-mistakes)',
      ),
    );
  }
  if (!/[\\/]/.test(expanded) && name !== '') {
    const hint = `prefer the full path, e.g. C:\\Program Files\\Vendor\\${text.trim()} (excl-mistakes)`;
    issues.push(
      warn(
        'exclusion_bare_process_name',
        path,
        `process \`${text}\` is an image name, so it matches that name in any folder`,
        hint,
      ),
    );
  } else {
    append(issues, lintLocation(folderOf(text), path, options));
  }
  return issues;
}

/**
 * Lints every entry; each finding is a warning with a code, its `[list, index]` path and a fix hint.
 * Entries that do not parse are left to `parseExclusions`. 8.3 short names (`PROGRA~1`) are warned
 * about, never expanded.
 *
 * @example
 * lintExclusions({ paths: ['C:\\'], extensions: ['exe'], processes: ['powershell.exe'] }).map((i) => i.code);
 * // ['exclusion_too_broad', 'exclusion_risky_extension', 'exclusion_risky_process', 'exclusion_bare_process_name']
 */
export function lintExclusions(lists: Partial<ExclusionLists>, options: LintOptions = {}): Issue[] {
  const issues: Issue[] = [];
  (lists.paths ?? []).forEach((text, index) => {
    const folder = folderOf(text);
    append(issues, [
      ...lintShortName(text, ['paths', index]),
      ...lintLocation(folder, ['paths', index], options),
      ...lintScope(folder, ['paths', index], options),
    ]);
  });
  (lists.extensions ?? []).forEach((text, index) => {
    const extension = text
      .trim()
      .replace(/^\*?\./, '')
      .toLowerCase();
    if (!risky.RISKY_EXTENSIONS.has(extension)) return;
    const image = risky.IMAGE_EXTENSIONS.has(extension) ? '; images only if the image libraries are patched' : '';
    const message = `extension \`${text}\` is one Microsoft says never to exclude${image}`;
    issues.push(
      warn(
        'exclusion_risky_extension',
        ['extensions', index],
        message,
        'exclude specific files by full path instead (excl-mistakes)',
      ),
    );
  });
  (lists.processes ?? []).forEach((text, index) =>
    append(issues, [...lintShortName(text, ['processes', index]), ...lintProcess(text, ['processes', index], options)]),
  );
  return issues;
}
