/** One headless Chromium from `@sparticuz/chromium` for a test file, unpacked into a fresh folder and checked to be 153. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';

// `--single-process` is reported to crash Playwright with several pages open (issue 16 §4); it saves nothing off
// Lambda. The web-security switches would weaken what the handout test checks (the page's CSP and origin).
const DROPPED = new Set(['--single-process', '--disable-web-security', '--allow-running-insecure-content']);

/** A launched browser, its version line, and `close()`, which also removes the unpacked Chromium. */
export interface HandoutBrowser {
  readonly browser: Browser;
  readonly version: string;
  close(): Promise<void>;
}

/**
 * Unpacks Chromium into a new temp folder (`executablePath()` reuses any `chromium` file already in the system temp
 * folder, whatever its version, so `TMPDIR` points at a fresh one first), asks it `--version`, and launches it.
 *
 * @example
 * const { browser, version, close } = await launchHandoutBrowser(); // version: 'Chromium 153.0.…'
 */
export async function launchHandoutBrowser(): Promise<HandoutBrowser> {
  const folder = mkdtempSync(join(tmpdir(), 'edrsim-chromium-'));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = folder;
  try {
    const { default: chromium } = await import('@sparticuz/chromium');
    const { chromium: playwright } = await import('playwright-core');
    const executablePath = await chromium.executablePath();
    const version = execFileSync(executablePath, ['--version'], { encoding: 'utf8', timeout: 30_000 }).trim();
    const args = chromium.args.filter((arg) => !DROPPED.has(arg));
    const browser = await playwright.launch({ executablePath, args, headless: true });
    return {
      browser,
      version,
      close: async () => {
        await browser.close();
        rmSync(folder, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  } finally {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
  }
}

/**
 * Records what a page did that it must not: dialogs (an injected `alert`, dismissed) and uncaught script errors.
 *
 * @example
 * const watched = watchPage(page); // … expect(watched.dialogs).toEqual([]);
 */
export function watchPage(page: Page): { readonly dialogs: string[]; readonly errors: string[] } {
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { dialogs, errors };
}
