/** The handout's content and its two renderers: the questions train asks, ground truth without verdicts, inert user text. */
import { describe, expect, it } from 'vitest';
import { modelAt } from '../../engine/pipeline/model-at.ts';
import { runScenario } from '../../engine/run-scenario.ts';
import { handoutCite, handoutContent, MAX_SOURCES } from '../../engine/train/handout-content.ts';
import { buildQuestions } from '../../engine/train/question.ts';
import { HANDOUT_CSP, renderHandoutHtml } from '../../engine/train/render-handout-html.ts';
import { renderHandoutMarkdown } from '../../engine/train/render-handout-markdown.ts';
import type { Scenario } from '../../engine/scenario/index.ts';
import { CONTRACT_TEXT, loaded, MINIMAL } from '../scenario/scenario-text.ts';
import { HOSTILE } from './handout-hostile.ts';

const itemOf = (scenario: Scenario) => ({
  scenario,
  questions: buildQuestions(scenario, runScenario(scenario), (device, at) => modelAt(scenario, at).device(device)).questions,
});

describe('handoutContent', () => {
  it('should ask exactly the questions train asks, with no answer in the trainee copy', () => {
    const item = itemOf(loaded(CONTRACT_TEXT));
    const content = handoutContent(item);
    expect(content.questions.map((q) => q.id)).toEqual(item.questions.map((q) => q.id));
    expect(content.questions.length).toBeGreaterThan(0);
    expect(content.questions.every((q) => q.answer === undefined)).toBe(true);
    expect(content.notice).toBeUndefined();
  });

  it("should carry the engine's answer, reasons with resolved cites, in the answer key", () => {
    const item = itemOf(loaded(HOSTILE));
    const [question] = handoutContent(item, true).questions;
    expect(question?.answer?.expected).toBe(item.questions[0]?.expected);
    expect(question?.answer?.cite?.sources[0]?.url).toMatch(/^https:\/\/learn\.microsoft\.com\//);
    expect(question?.answer?.reasons.some((reason) => reason.cite !== undefined)).toBe(true);
  });

  it('should group devices with the same settings into one fleet row, and say when nothing happens', () => {
    const content = handoutContent(itemOf(loaded(`${MINIMAL}  - name: ws-02\n    os: windows-11\n`)));
    expect(content.fleet).toEqual([['ws-01 … ws-02 (2)', 'windows-11', 'defender', 'yes', '-']]);
    expect(renderHandoutHtml([content])).toContain('<p>(nothing happens)</p>');
    expect(renderHandoutMarkdown([content])).toContain('(nothing happens)');
  });

  it('should list at most MAX_SOURCES sources per cite, Learn pages first, and keep a cite the registry lacks', () => {
    const many = handoutCite('§3.3');
    expect(many.sources.length).toBeLessThanOrEqual(MAX_SOURCES);
    expect(many.sources[0]?.kind).toBe('page');
    expect(handoutCite('§99')).toEqual({ key: '§99', label: '§99', sources: [], more: 0 });
  });
});

describe('renderHandoutHtml', () => {
  const scenario = loaded(HOSTILE);
  const html = renderHandoutHtml([handoutContent(itemOf(scenario), true)], true);

  it('should have no script, a CSP that forbids everything but inline style, and no external resource', () => {
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${HANDOUT_CSP}">`);
    expect(HANDOUT_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(html).not.toMatch(/<script|<img|<link|<iframe|@import|url\(|<[^>]*\son\w+=|href="javascript:/i);
    expect([...html.matchAll(/href="([^"]*)"/g)].every((m) => m[1]?.startsWith('https://'))).toBe(true);
  });

  it('should escape the name, description and paths, and keep their text', () => {
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:alert(1)) @mention');
    expect(html).toContain('C:\\Temp\\&lt;script&gt;alert(1)&lt;/script&gt;\\');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; @team');
  });

  it('should tick only the answer-key box of the answer, and give each cite its title and a Learn link', () => {
    expect(html.match(/class="box ticked"/g)?.length).toBe(2);
    expect(html).toMatch(/\(§3\.8 [^<]+: <a href="https:\/\/learn\.microsoft\.com\/[^"]+">[^<]+<\/a>/);
    expect(renderHandoutHtml([handoutContent(itemOf(scenario))])).not.toContain('class="box ticked"');
  });
});

describe('renderHandoutMarkdown', () => {
  const md = renderHandoutMarkdown([handoutContent(itemOf(loaded(HOSTILE)), true)], true);

  it('should leave no raw HTML, no link to a javascript: URL and no mention from user text', () => {
    expect(md).not.toMatch(/<[a-z/]/i);
    expect(md).not.toMatch(/\]\(javascript:/);
    expect(md).not.toMatch(/(^|[^\\])@\w/m);
    expect(md).toContain('&lt;script&gt;alert\\(1\\)&lt;/script&gt; \\[x\\]\\(javascript:alert\\(1\\)\\) &#64;mention');
  });

  it('should offer task-list boxes, tick the answer in the key, and link each source', () => {
    expect(md).toMatch(/^- \[x\] blocked$/m);
    expect(md).toMatch(/^- \[ \] detected$/m);
    expect(md).toMatch(/\(§3\\\.8 [^:]+: \[[^\]]+\]\(https:\/\/learn\.microsoft\.com\/[^)\s]+\)/);
    expect(md).toContain('### What to notice');
    expect(renderHandoutMarkdown([handoutContent(itemOf(loaded(HOSTILE)))])).not.toMatch(/\[x\]|Answer:|What to notice/);
  });
});

describe('handout paragraphs', () => {
  it('should join lines wrapped in the source, and keep list items and table rows on lines of their own', () => {
    const scenario = loaded(
      `${MINIMAL}description: |\n  One line\n  wrapped here.\n\n  Steps:\n  - first\n  1. second\n  | a | b |\n  |---|---|\n`,
    );
    expect(handoutContent(itemOf(scenario)).situation).toEqual([
      'One line wrapped here.',
      'Steps:\n- first\n1. second\n| a | b |\n|---|---|',
    ]);
  });
});
