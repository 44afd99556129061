/** The classroom's reveal: answers, the picture for the subject, reasons layer by layer, what to notice, linked sources. */
import { describe, expect, it } from 'vitest';
import { renderRevealHtml } from '../../engine/train/reveal-html.ts';
import { libraryClassroom, textClassroom } from './classroom-fixture.ts';
import { ARTIFACT, ATTACKS, CLASSROOM_HOSTILE, DEVICE } from './classroom-hostile.ts';
import { unknownMarkup, visibleText } from './html-markup.ts';

const EXCLUSIONS = '07-exclusions/01-block-mode-honours-folder-exclusion.yaml';

describe('renderRevealHtml', () => {
  it("should give the engine's answer and the trainee's, marked right or wrong", () => {
    const { context, question } = libraryClassroom(EXCLUSIONS);
    const q = question('temp-dropper.outcome');
    const wrong = renderRevealHtml(q, { ...context, given: 'blocked', correct: false });
    expect(wrong).toContain('<section class="reveal reveal-wrong">');
    expect(wrong).toContain(`The engine's answer: <strong class="answer-expected">detected</strong>.`);
    expect(wrong).toContain('You answered <strong class="answer-given">blocked</strong>.');
    const right = renderRevealHtml(q, { ...context, given: 'detected', correct: true });
    expect(right).toContain('<section class="reveal reveal-right">');
    expect(renderRevealHtml(q, { ...context, given: 'detected' })).toContain('<section class="reveal reveal-right">');
    const none = renderRevealHtml(q, context);
    expect(none).toContain('<section class="reveal reveal-unanswered">');
    expect(none).not.toContain('You answered');
  });

  it('should draw the layer picture for an artifact question and the state picture for a device question', () => {
    const artifact = renderRevealHtml(
      libraryClassroom(EXCLUSIONS).question('temp-dropper.outcome'),
      libraryClassroom(EXCLUSIONS).context,
    );
    expect(artifact).toContain('<figure class="layer-picture">');
    expect(artifact).toContain('exclusion honoured: C:\\Users\\*\\AppData\\Local\\Temp');
    const timing = libraryClassroom('05-timing/01-disable-takes-30-minutes.yaml');
    const device = renderRevealHtml(timing.question('ws-pay-09@25m.runningMode'), timing.context);
    expect(device).toContain('<figure class="state-picture">');
    expect(device).not.toContain('layer-picture');
  });

  it('should list the reasons layer by layer, each with a numbered source', () => {
    const { context, question } = libraryClassroom(EXCLUSIONS);
    const html = renderRevealHtml(question('temp-dropper.outcome'), context);
    const reasons = html.match(/<ol class="reasons">(.*?)<\/ol>/s)?.[1] ?? '';
    expect(reasons.match(/<li>/g)?.length).toBe(context.report.namedVerdicts.get('temp-dropper')?.reasons.length);
    expect(reasons).toContain('<span class="reason-layer">EDR in block mode:</span> EDR in block mode honours MDAV exclusions');
    expect(reasons).toMatch(/<sup class="cite-ref">\[\d+\]<\/sup><\/li>/);
  });

  it('should list every source as a title linked to its Learn page, never a bare code', () => {
    const { context, question } = libraryClassroom(EXCLUSIONS);
    const html = renderRevealHtml(question('temp-dropper.outcome'), context);
    const sources = [...(html.match(/<ol class="sources">(.*?)<\/ol>/s)?.[1] ?? '').matchAll(/<li>(.*?)<\/li>/g)].map(
      (m) => m[1] ?? '',
    );
    expect(sources.length).toBeGreaterThan(2);
    for (const source of sources)
      expect(source).toMatch(
        /^<span class="source-label">[^<]+<\/span>: <a href="https:\/\/learn\.microsoft\.com\/[^"]+" rel="noopener noreferrer">[^<]+<\/a>/,
      );
    // The question's own cite comes first: T33.
    expect(sources[0]).toMatch(/^<span class="source-label">T33 /);
  });

  it('should show "What to notice" as HTML, and only after the answer, never the situation', () => {
    const { context, question } = libraryClassroom(EXCLUSIONS);
    const html = renderRevealHtml(question('temp-dropper.outcome'), context);
    expect(html).toContain('<div class="notice">\n<p><strong>What to notice.</strong></p>');
    expect(html).not.toContain('Situation');
  });

  it('should say so when a cite is not in the registry, and keep the reasons when the run lacks the subject', () => {
    const hostile = textClassroom(CLASSROOM_HOSTILE);
    const html = renderRevealHtml(hostile.question(`${ARTIFACT}.outcome`), hostile.context);
    expect(html).toContain(
      '<li><span class="source-label">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</span>: not in the citation registry</li>',
    );
    const question = hostile.question('a2.outcome');
    const lost = renderRevealHtml({ ...question, id: 'gone.outcome' }, hostile.context);
    expect(lost).not.toContain('<figure');
    expect(lost.match(/<ol class="reasons">(.*?)<\/ol>/s)?.[1]?.match(/<li>/g)?.length).toBe(question.reasons.length);
  });

  it('should let no string of a hostile scenario or answer become markup', () => {
    const hostile = textClassroom(CLASSROOM_HOSTILE);
    expect(hostile.questions.length).toBe(5);
    for (const question of hostile.questions)
      for (const given of [undefined, ...ATTACKS]) {
        const html = renderRevealHtml(question, {
          ...hostile.context,
          ...(given === undefined ? {} : { given, correct: false }),
        });
        expect(unknownMarkup(html)).toEqual([]);
        if (given !== undefined) expect(visibleText(html)).toContain(given);
      }
    const device = renderRevealHtml(hostile.question(`${DEVICE}@10m.runningMode`), hostile.context);
    expect(visibleText(device)).toContain(DEVICE);
  });

  it('should be deterministic, and the same with or without the precomputed verdicts', () => {
    const { context, question } = libraryClassroom('08-indicators/01-allow-indicator-does-not-stop-block-mode.yaml');
    const q = question('allowed-but-injecting.outcome');
    const { decided: _decided, ...bare } = context;
    expect(renderRevealHtml(q, bare)).toBe(renderRevealHtml(q, context));
    expect(renderRevealHtml(q, context)).toBe(renderRevealHtml(q, context));
  });
});
