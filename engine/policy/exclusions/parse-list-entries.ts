/** Parses one `ExclusionExtension` or `ExclusionProcess` entry (§4.2). */
import type { Path } from '../../core/issue.ts';
import type { ExclusionOptions, ExtensionEntry, ProcessEntry } from './exclusion-entry.ts';
import type { EntryParse } from './parse-path-entry.ts';
import { parseProcessPattern } from './parse-process-pattern.ts';

const NOT_IN_EXTENSION = /[\\/:*?"<>|\s]/;

/**
 * Parses an extension entry: `log` and `.log` are the same (§4.2); compound extensions such as
 * `ko.gz` are allowed; wildcards and paths are not.
 *
 * @example
 * parseExtensionEntry('.LOG', 0).entry?.extension; // 'log'
 */
export function parseExtensionEntry(text: string, index: number): EntryParse<ExtensionEntry> {
  const path: Path = ['extensions', index];
  const trimmed = text.trim();
  const bare = trimmed.startsWith('.') ? trimmed.slice(1) : trimmed;
  if (bare === '' || bare.startsWith('.') || bare.endsWith('.') || NOT_IN_EXTENSION.test(bare)) {
    const suggestion = trimmed.replace(/^\*?\.?/, '').replace(/[\\/:*?"<>|\s]/g, '');
    return {
      issues: [
        {
          code: 'exclusion_extension_invalid',
          path,
          message: trimmed === '' ? 'extension exclusion is empty' : `extension exclusion \`${trimmed}\` is not a file extension`,
          expected: 'an extension such as log or .log, without wildcards or folders',
          received: trimmed,
          hint:
            suggestion === '' || suggestion === trimmed
              ? 'remove the entry, or use a path exclusion for a folder'
              : `write \`${suggestion}\`; a path with wildcards belongs in the path list`,
        },
      ],
    };
  }
  return { entry: { kind: 'extension', list: 'extensions', index, text, extension: bare.toLowerCase() }, issues: [] };
}

/**
 * Parses a process entry: an image name (any location, no wildcards, #32) or a full path with
 * optional wildcards and system env vars. Contextual syntax belongs to path entries only.
 *
 * @example
 * parseProcessEntry('C:\\Program Files\\Backup\\agent.exe', 0).entry?.process.kind; // 'path'
 */
export function parseProcessEntry(text: string, index: number, options: ExclusionOptions = {}): EntryParse<ProcessEntry> {
  const path: Path = ['processes', index];
  const trimmed = text.trim();
  if (trimmed === '') {
    return { issues: [{ code: 'exclusion_empty', path, message: 'process exclusion is empty', hint: 'remove the empty entry' }] };
  }
  if (trimmed.includes(':{')) {
    const message = `process exclusion \`${trimmed}\` uses contextual syntax`;
    const hint = 'contextual restrictions go on a path exclusion, e.g. C:\\data\\:{Process:"app.exe"} (ctx-excl)';
    return { issues: [{ code: 'exclusion_contextual_syntax', path, message, hint }] };
  }
  const parsed = parseProcessPattern(trimmed, {
    label: 'process exclusion',
    path,
    trailingStar: options.conflicts?.trailingStar ?? 'literal',
  });
  if (!parsed.ok) return { issues: parsed.issues };
  return { entry: { kind: 'process', list: 'processes', index, text, process: parsed.value }, issues: [] };
}
