/** A scenario description as terminal text, split so that "What to notice" comes only after the reveal. */

/** The part shown before the questions, and the spoiler shown after the answers (undefined when absent). */
export interface DescriptionParts {
  readonly before: string;
  readonly after?: string;
}

// COURSE.md: each description sets out the situation, the question, then "What to notice" — the answers.
const SPOILER = /^\s*(?:\*\*|__)?what to (?:notice|look for)\b/im;

/**
 * Splits a Markdown description at its "What to notice" paragraph and renders both parts as plain text.
 *
 * @example
 * splitDescription('**Situation.** x\n\n**What to notice.**\n- y'); // { before: 'Situation. x', after: 'What to notice.\n- y' }
 */
export function splitDescription(markdown: string | undefined): DescriptionParts {
  const parts = splitMarkdown(markdown);
  return parts.after === undefined
    ? { before: markdownToText(parts.before) }
    : { before: markdownToText(parts.before), after: markdownToText(parts.after) };
}

/**
 * Splits a Markdown description at its "What to notice" paragraph, both parts still Markdown (the classroom
 * renders them as HTML).
 *
 * @example
 * splitMarkdown('**Situation.** x\n\n**What to notice.** y').after; // '**What to notice.** y'
 */
export function splitMarkdown(markdown: string | undefined): DescriptionParts {
  const text = markdown ?? '';
  const match = SPOILER.exec(text);
  if (match === null) return { before: text };
  return { before: text.slice(0, match.index), after: text.slice(match.index) };
}

/**
 * Renders Markdown as plain text: emphasis and code marks dropped, headings without `#`, links as
 * `text (url)`; lists and tables kept as written. Leading and trailing blank lines are trimmed.
 *
 * @example
 * markdownToText('**Ask yourself:** is `ws-01` passive?'); // 'Ask yourself: is ws-01 passive?'
 */
export function markdownToText(markdown: string): string {
  // Code spans keep their text as written (`C:\Temp\*` is a path, not emphasis): set aside, then put back.
  const spans: string[] = [];
  const text = markdown
    .replace(/`([^`\n]*)`/g, (_, code: string) => `\u0000${spans.push(code) - 1}\u0000`)
    .replace(/^(\s*)#{1,6}\s+/gm, '$1')
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 ($2)')
    // Emphasis may wrap onto the next line, never across a paragraph.
    .replace(/(\*\*|__)((?:(?!\n\s*\n)[^])+?)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)([^*\n]+?)\*(?!\w)/gm, '$1$2');
  return text
    .replace(/\u0000(\d+)\u0000/g, (_, index: string) => spans[Number(index)] ?? '')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}
