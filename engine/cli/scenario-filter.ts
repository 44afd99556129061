/** `-t/--name PATTERN` and `--tag TAG`: which loaded scenarios a command runs, checked like every other input. */
import { Option } from 'commander';
import { append } from '../core/append.ts';
import { forTerminal } from '../core/escape.ts';
import type { Issue, Result } from '../core/issue.ts';

/** The longest `-t` pattern or `--tag` accepted: a scenario name is a line, not a document. */
export const MAX_FILTER_LENGTH = 256;

/** The flags as commander hands them over. */
export interface FilterFlags {
  readonly name?: string;
  readonly tag?: readonly string[];
}

/** A checked filter: the name pattern (case-folded), the tags (any of them), and how to show it. */
export interface ScenarioFilter {
  readonly pattern?: string;
  readonly tags: readonly string[];
  /** The flags as typed, for messages: `-t "block" --tag modes`. */
  readonly shown: string;
}

const collect = (value: string, previous: readonly string[] = []) => [...previous, value];

/**
 * `-t/--name PATTERN`, for every command that takes scenarios.
 *
 * @example
 * program.command('run').addOption(nameOption()).addOption(tagOption());
 */
export function nameOption(): Option {
  return new Option(
    '-t, --name <pattern>',
    'only scenarios whose name contains PATTERN (ignoring case; * matches any characters)',
  );
}

/** `--tag TAG`, repeatable: a scenario is kept when its `tags:` has any of them. */
export function tagOption(): Option {
  return new Option('--tag <tag>', 'only scenarios with this tag in their tags: (repeatable: any of them)').argParser(collect);
}

/**
 * Checks the flags: an empty or over-long pattern or tag is a usage error naming the option. The pattern
 * is never a regular expression, so no input can make matching slow (vitest's -t is one; ours is text).
 *
 * @example
 * scenarioFilter({ name: 'Block*mode' }); // { ok: true, value: { pattern: 'block*mode', tags: [], shown: '-t "Block*mode"' } }
 */
export function scenarioFilter(flags: FilterFlags): Result<ScenarioFilter | undefined> {
  const issues: Issue[] = [];
  const { name, tag = [] } = flags;
  if (name !== undefined)
    append(issues, checkText(name, '--name', 'the pattern', "give -t part of a scenario name, e.g. -t 'block mode'"));
  for (const each of tag)
    append(issues, checkText(each, '--tag', 'the tag', 'give --tag a scenario tag, e.g. --tag passive-mode'));
  if (issues.length > 0) return { ok: false, issues };
  if (name === undefined && tag.length === 0) return { ok: true, value: undefined };
  const shown = [...(name === undefined ? [] : [`-t ${JSON.stringify(name)}`]), ...tag.map((each) => `--tag ${each}`)].join(' ');
  return {
    ok: true,
    value: { ...(name === undefined ? {} : { pattern: name.toLowerCase() }), tags: tag, shown: forTerminal(shown) },
  };
}

function checkText(text: string, option: string, what: string, hint: string): Issue[] {
  const code = option === '--name' ? 'bad_name_filter' : 'bad_tag_filter';
  if (text.trim() === '') return [{ code, path: [option], message: `${what} is empty`, hint }];
  if (text.length > MAX_FILTER_LENGTH)
    return [
      {
        code,
        path: [option],
        message: `${what} has ${text.length} characters, more than ${MAX_FILTER_LENGTH}`,
        hint: option === '--name' ? 'give -t a shorter part of the scenario name' : 'give --tag a shorter tag',
      },
    ];
  return [];
}

/**
 * True when the scenario passes the filter: its name matches the pattern (when given) and it has one of
 * the tags (when given).
 *
 * @example
 * matchesFilter(filter, { name: 'Passive mode with block mode', tags: ['modes'] });
 */
export function matchesFilter(
  filter: ScenarioFilter,
  scenario: { readonly name: string; readonly tags: readonly string[] },
): boolean {
  if (filter.pattern !== undefined && !globIncludes(filter.pattern, scenario.name.toLowerCase())) return false;
  return filter.tags.length === 0 || filter.tags.some((tag) => scenario.tags.includes(tag));
}

/**
 * True when `text` contains `pattern`, where `*` in the pattern matches any run of characters. Taking
 * each piece at its first place after the previous one is exact for `*`-only globs and needs no
 * backtracking: at most one scan of `text` per piece.
 *
 * @example
 * globIncludes('block*mode', 'edr in block mode'); // true
 */
export function globIncludes(pattern: string, text: string): boolean {
  let at = 0;
  for (const piece of pattern.split('*')) {
    if (piece === '') continue;
    const found = text.indexOf(piece, at);
    if (found < 0) return false;
    at = found + piece.length;
  }
  return true;
}

/**
 * The usage error for a filter that keeps none of the `loaded` scenarios, with a hint that shows what
 * could match: the name rule, or the tags the scenarios have (sorted, at most 20).
 *
 * @example
 * noneSelected(filter, scenarios).message; // 'no scenario matches --tag Modes (4 loaded)'
 */
export function noneSelected(filter: ScenarioFilter, loaded: readonly { readonly tags: readonly string[] }[]): Issue {
  const byTag = filter.pattern === undefined;
  const tags = [...new Set(loaded.flatMap((scenario) => scenario.tags))].sort();
  const shownTags = tags.length === 0 ? 'no tags' : `${tags.slice(0, 20).join(', ')}${tags.length > 20 ? ', …' : ''}`;
  return {
    code: 'no_scenario_selected',
    path: [byTag ? '--tag' : '--name'],
    message: `no scenario matches ${filter.shown} (${loaded.length} loaded)`,
    hint: byTag
      ? forTerminal(`tags match exactly; the loaded scenarios have: ${shownTags}`)
      : '-t is a case-insensitive part of the name, with * for any characters (not a regular expression)',
  };
}
