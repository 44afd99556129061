/** The handout printed by a real Chromium: every question in the PDF's text, answers only in the key, nothing runs. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Page } from 'playwright-core';
import { modelAt } from '../../engine/pipeline/model-at.ts';
import { runScenario } from '../../engine/run-scenario.ts';
import { loadAll } from '../../engine/cli/commands/load-all.ts';
import { recordingIo } from '../cli/run-cli.ts';
import { handoutContent } from '../../engine/train/handout-content.ts';
import { buildQuestions, type Question } from '../../engine/train/question.ts';
import { renderHandoutHtml } from '../../engine/train/render-handout-html.ts';
import type { Scenario } from '../../engine/scenario/index.ts';
import { loaded } from '../scenario/scenario-text.ts';
import { launchHandoutBrowser, watchPage, type HandoutBrowser } from './handout-browser.ts';
import { HOSTILE } from './handout-hostile.ts';

const REPO = new URL('../..', import.meta.url).pathname;
/** Test output, gitignored: the screenshots the issue asks for. */
const OUT = join(REPO, '.ci', 'out');

let chromium: HandoutBrowser;
let folder: string;

beforeAll(async () => {
  chromium = await launchHandoutBrowser();
  folder = mkdtempSync(join(tmpdir(), 'edrsim-handout-'));
}, 120_000);

afterAll(async () => {
  await chromium?.close();
  if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
});

const items = (() => {
  const library = loadAll(['scenarios/01-modes'], recordingIo(REPO).io);
  if (library.errors.length > 0 || library.scenarios.length === 0) throw new Error('the library failed to load');
  return [...library.scenarios, loaded(HOSTILE, {}, 'hostile.yaml')].map((scenario: Scenario) => ({
    scenario,
    questions: buildQuestions(scenario, runScenario(scenario), (device, at) => modelAt(scenario, at).device(device)).questions,
  }));
})();

/** Opens the handout as a trainee would (a file), counting dialogs and script errors, and waits for its questions. */
async function open(html: string, name: string): Promise<{ page: Page; dialogs: string[]; errors: string[] }> {
  const file = join(folder, name);
  writeFileSync(file, html);
  const context = await chromium.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const { dialogs, errors } = watchPage(page);
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  await page.waitForSelector('section .q');
  return { page, dialogs, errors };
}

/** The PDF's text with all whitespace removed (lines wrap anywhere), and its link targets. */
async function pdfText(pdf: Buffer): Promise<{ text: string; links: string[] }> {
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  let text = '';
  const links: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const page = await document.getPage(n);
    const content = await page.getTextContent();
    for (const item of content.items) if ('str' in item) text += item.str;
    for (const annotation of await page.getAnnotations()) if (typeof annotation.url === 'string') links.push(annotation.url);
  }
  await document.destroy();
  return { text: text.replace(/\s+/g, ''), links };
}

const squeeze = (text: string) => text.replace(/\s+/g, '');
const questions: Question[] = items.flatMap((item) => item.questions);

describe('the handout in Chromium', () => {
  it('should run the Chromium 153 that @sparticuz/chromium ships, unpacked into a fresh folder', () => {
    expect(chromium.version).toMatch(/^Chromium 153\./);
  });

  it('should print every question of every scenario, and no answer, to PDF; no script runs', async () => {
    const html = renderHandoutHtml(items.map((item) => handoutContent(item)));
    const { page, dialogs, errors } = await open(html, 'handout.html');
    mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: join(OUT, 'handout.png') });
    expect(await page.evaluate(() => document.querySelectorAll('script, img, iframe, [onerror], [onload]').length)).toBe(0);
    expect(await page.locator('h2', { hasText: '<script>alert(1)</script>' }).count()).toBe(1);
    const { text } = await pdfText(await page.pdf({ format: 'A4' }));
    expect(questions.length).toBeGreaterThan(10);
    for (const question of questions) expect(text).toContain(squeeze(question.text));
    for (const item of items) expect(text).toContain(squeeze(item.scenario.name));
    expect(text).not.toContain('Answer:');
    expect({ dialogs, errors }).toEqual({ dialogs: [], errors: [] });
    await page.context().close();
  });

  it('should print each answer with its Learn links in the answer key', async () => {
    const html = renderHandoutHtml(
      items.map((item) => handoutContent(item, true)),
      true,
    );
    const { page, dialogs } = await open(html, 'answer-key.html');
    await page.screenshot({ path: join(OUT, 'handout-answer-key.png') });
    const { text, links } = await pdfText(await page.pdf({ format: 'A4' }));
    for (const question of questions) expect(text).toContain(squeeze(`${question.text}`));
    for (const question of questions) expect(text).toContain(squeeze(`Answer: ${question.expected}`));
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((link) => link.startsWith('https://'))).toBe(true);
    expect(links.some((link) => link.startsWith('https://learn.microsoft.com/'))).toBe(true);
    expect(dialogs).toEqual([]);
    await page.context().close();
  });

  it('should keep three contexts open at once and print from one of them', async () => {
    const contexts = await Promise.all([1, 2, 3].map(() => chromium.browser.newContext()));
    const pages = await Promise.all(contexts.map((context) => context.newPage()));
    await Promise.all(pages.map((page, n) => page.setContent(`<p id="p">page ${n}</p>`)));
    expect(await Promise.all(pages.map((page) => page.textContent('#p')))).toEqual(['page 0', 'page 1', 'page 2']);
    expect((await pdfText(await (pages[2] as Page).pdf())).text).toBe('page2');
    await Promise.all(contexts.map((context) => context.close()));
  });
});
