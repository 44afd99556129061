/** The one citation registry: a cite key (`§3.8`, `T33`, `C7`, `§4.4 #9`, `edr-bm`, …) to a label, its sources' titles and links. */
import { CITE_SOURCES, type CiteSourceKind } from './cite-sources.ts';
import { REFERENCE_CASES, REFERENCE_CONFLICTS } from './reference-cases.ts';
import { MATCHING_EXAMPLES, REFERENCE_SECTIONS } from './reference-sections.ts';

/** One source page (or label) a cite leads to. */
export interface CiteLink {
  /** The source key of the domain reference's §0 table, e.g. `edr-bm`. */
  readonly source: string;
  readonly kind: CiteSourceKind;
  /** The page's title, or the label of an inference, community note or archived copy. */
  readonly title: string;
  /** Absent for an inference, community material, or an archived copy with no public path. */
  readonly url?: string;
}

/** A resolved cite: what it names in the domain reference and where that fact comes from. */
export interface ResolvedCite {
  /** The cite as written (trimmed). */
  readonly key: string;
  /** What it names, e.g. `§3.8 Interplay with exclusions and indicators` or `T33 (§8.3 EDR-BM verdicts with …)`. */
  readonly label: string;
  /** The first current page's title (else the first source's), or the label when it cites no source. */
  readonly title: string;
  /** The first current page's link, else the first link there is: a SARIF rule's `helpUri`. */
  readonly url?: string;
  /** Every source, in the order the reference cites them, each once. */
  readonly sources: readonly CiteLink[];
}

interface Part {
  readonly label: string;
  readonly sources: readonly string[];
}

const section = (number: string) => REFERENCE_SECTIONS[number];

// One cite part: a § with an optional qualifier, a test case, a contradiction, or a source key.
function resolvePart(part: string): Part | undefined {
  const bare = part.replace(/^\[|\]$/g, '');
  if (bare === 'inference') return { label: '[inference]', sources: ['inference'] };
  if (Object.hasOwn(CITE_SOURCES, bare)) return { label: bare, sources: [bare] };
  const test = Object.hasOwn(REFERENCE_CASES, part) ? REFERENCE_CASES[part] : undefined;
  if (test !== undefined)
    return { label: `${part} (§${test.section} ${section(test.section)?.heading ?? ''})`, sources: test.sources };
  const conflict = Object.hasOwn(REFERENCE_CONFLICTS, part) ? REFERENCE_CONFLICTS[part] : undefined;
  if (conflict !== undefined) return { label: `${part} ${conflict.topic} (§7.1 contradictions)`, sources: conflict.sources };
  const match = /^§(\d+(?:\.\d+)?)(?:\s+(.+))?$/.exec(part);
  const number = match?.[1];
  const found = number === undefined || !Object.hasOwn(REFERENCE_SECTIONS, number) ? undefined : section(number);
  if (match === null || number === undefined || found === undefined) return undefined;
  const title = `§${number} ${found.heading}`;
  const qualifier = match[2];
  if (qualifier === undefined) return { label: title, sources: found.sources };
  // §4.4 #9: one worked matching example; its basis is the row's own source.
  const row = /^#(\d+)$/.exec(qualifier)?.[1];
  if (row !== undefined)
    return number === '4.4' && Object.hasOwn(MATCHING_EXAMPLES, row)
      ? { label: `${title}, example #${row}`, sources: MATCHING_EXAMPLES[row] ?? [] }
      : undefined;
  // §2.1 note 3: a numbered note under the section's table.
  if (/^note \d+$/.test(qualifier)) return { label: `${title}, ${qualifier}`, sources: found.sources };
  // §7 C1, §2.1 C7: the contradiction (or test case) the section discusses, with its sources.
  const inner = resolvePart(qualifier);
  return inner === undefined || !/^[CT]\d+$/.test(qualifier)
    ? undefined
    : { label: `${title}: ${inner.label}`, sources: inner.sources };
}

/**
 * The parts of a cite: `'§3.9, §3.10'` → `['§3.9', '§3.10']` (commas and semicolons separate; blanks are dropped).
 *
 * @example
 * citeParts('§2.1 note 3, C6'); // ['§2.1 note 3', 'C6']
 */
export function citeParts(cite: string): string[] {
  return cite
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/**
 * Resolves a cite key to its label and sources, or `undefined` when any part of it is not in the registry. Accepts
 * what scenarios and reasons write: `§3.8`, `§4.4 #9`, `§2.1 note 3`, `§7 C1`, `T33`, `C7`, a source key such as
 * `edr-bm` or `ioc-manage`, `[inference]`, and lists of these separated by commas. No network: the registry is data.
 *
 * @example
 * resolveCite('§3.8')?.url; // 'https://learn.microsoft.com/en-us/defender-endpoint/edr-in-block-mode'
 * resolveCite('§3.8')?.label; // '§3.8 Interplay with exclusions and indicators'
 * resolveCite('§99'); // undefined
 */
export function resolveCite(cite: string): ResolvedCite | undefined {
  const parts = citeParts(cite);
  if (parts.length === 0) return undefined;
  const labels: string[] = [];
  const keys: string[] = [];
  for (const text of parts) {
    const part = resolvePart(text);
    if (part === undefined) return undefined;
    labels.push(part.label);
    for (const source of part.sources) if (!keys.includes(source)) keys.push(source);
  }
  const sources = keys.flatMap((source): CiteLink[] => {
    const found = CITE_SOURCES[source];
    return found === undefined
      ? []
      : [{ source, kind: found.kind, title: found.title, ...(found.url === undefined ? {} : { url: found.url }) }];
  });
  const label = labels.join('; ');
  // A current page is the better first link than an archived copy of it.
  const linked = sources.find((link) => link.kind === 'page') ?? sources.find((link) => link.url !== undefined);
  return {
    key: cite.trim(),
    label,
    title: linked?.title ?? sources[0]?.title ?? label,
    ...(linked?.url === undefined ? {} : { url: linked.url }),
    sources,
  };
}

/**
 * A cite code as scenario text writes it in prose: a section with an optional contradiction or case after it
 * (`§3.8`, `§7 C15`, `§4.4 #9`), or a bare test case or contradiction (`T33`, `C7`). Global: use with `replace`
 * or `matchAll`; a few characters per match, so a scan is linear.
 */
export const CITE_CODE_IN_TEXT = /§\d{1,2}(?:\.\d{1,2})*(?: (?:C\d{1,3}|#\d{1,3}))?|\b[TC]\d{1,3}\b/g;

/**
 * The cite codes in `text` that the registry resolves, each once, in order of appearance.
 *
 * @example
 * citeCodesIn('(§3.1, T32, §99, T32)'); // ['§3.1', 'T32']
 */
export function citeCodesIn(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(CITE_CODE_IN_TEXT)) if (resolveCite(match[0]) !== undefined) found.add(match[0]);
  return [...found];
}
