/** Cites in terminal text as numbered footnotes: `[1]` in the line, `[1] §3.8 … — Title — URL` at the end of the block. */
import { append } from '../core/append.ts';
import { resolveCite } from '../core/cite/resolve-cite.ts';
import { forTerminal } from '../core/escape.ts';
import { wrapText } from '../core/wrap-text.ts';

/** Sources listed per footnote; the JSON report has them all. */
const MAX_SOURCES = 3;

/**
 * Collects the cites of one block of text (a scenario, a trace, a training reveal) and numbers them in order of
 * first use, each cite once. A URL only ever appears in a footnote line of its own, so wrapping never breaks one.
 *
 * @example
 * const notes = new CiteNotes();
 * `✔ blocked ${notes.ref('§3.8')}`; // '✔ blocked §3.8 [1]'
 * notes.lines(80)[0]; // '[1] §3.8 Interplay with exclusions and indicators'
 */
export class CiteNotes {
  private readonly numbers = new Map<string, number>();

  /**
   * `cite` (terminal-escaped: it may come from a scenario) with its footnote number, e.g. `§3.8 [1]`; `''` when
   * there is no cite.
   */
  ref(cite: string | undefined): string {
    if (cite === undefined || cite.trim() === '') return '';
    const key = cite.trim();
    let number = this.numbers.get(key);
    if (number === undefined) {
      number = this.numbers.size + 1;
      this.numbers.set(key, number);
    }
    return `${forTerminal(key)} [${number}]`;
  }

  /**
   * A rendered reason or detail line ending in ` (CITE)` (`[layer] message (§3.8)`, as reports and training store
   * them) with the cite given its footnote: `[layer] message (§3.8 [1])`. Other lines are returned as they are.
   */
  refTrailing(line: string): string {
    const match = / \(([^()]+)\)$/.exec(line);
    const cite = match?.[1];
    if (match === null || cite === undefined || resolveCite(cite) === undefined) return line;
    return `${line.slice(0, match.index)} (${this.ref(cite)})`;
  }

  /** True when no cite was referenced. */
  get empty(): boolean {
    return this.numbers.size === 0;
  }

  /**
   * The footnotes, wrapped to `width` columns (default: no wrapping): per cite its label, then one line per source
   * with its title and link. A cite the registry does not know is listed as such, never dropped.
   */
  lines(width?: number): string[] {
    const out: string[] = [];
    for (const [key, number] of this.numbers) {
      const mark = `[${number}] `;
      const hang = ' '.repeat(mark.length);
      const resolved = resolveCite(key);
      if (resolved === undefined) {
        append(out, wrapText(`${mark}${forTerminal(key)}: not in the citation registry`, width, { hang }));
        continue;
      }
      append(out, wrapText(`${mark}${resolved.label}`, width, { hang }));
      for (const source of resolved.sources.slice(0, MAX_SOURCES)) {
        const text = source.url === undefined ? source.title : `${source.title} — ${source.url}`;
        append(out, wrapText(`${hang}${text}`, width, { hang: `${hang}  ` }));
      }
      const more = resolved.sources.length - MAX_SOURCES;
      if (more > 0) append(out, wrapText(`${hang}… and ${more} more source${more === 1 ? '' : 's'}`, width, { hang }));
    }
    return out;
  }
}
