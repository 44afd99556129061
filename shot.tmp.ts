import { readFileSync } from 'node:fs';
import { libraryClassroom } from '/work/wt/airpicture/test/train/classroom-fixture.ts';
import { renderRevealHtml } from '/work/wt/airpicture/engine/train/reveal-html.ts';
import { launchHandoutBrowser } from '/work/wt/airpicture/test/train/handout-browser.ts';
async function main() {
const css = readFileSync('/work/wt/airpicture/engine/server/static/style.css', 'utf8');
const picks: [string, string][] = [
  ['12-action-center/02-pending-times-out-after-7-days.yaml', 'invoice-ignored@7d10m.entryStatus'],
  ['12-action-center/02-pending-times-out-after-7-days.yaml', 'invoice-ignored@8d.investigationState'],
  ['12-action-center/05-undo-across-instances.yaml', 'implant-31.entryStatus'],
  ['12-action-center/04-isolate-passive-and-offline.yaml', ''],
];
const { browser, close } = await launchHandoutBrowser();
let n = 0;
for (const [file, id] of picks) {
  const room = libraryClassroom(file);
  const q = id === '' ? room.questions[0]! : room.question(id);
  const html = `<html><head><style>${css}</style></head><body>${renderRevealHtml(q, room.context)}</body></html>`;
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  await page.setContent(html);
  await page.locator('figure').screenshot({ path: `/tmp/airpic/${n++}.png` });
  console.log(q.id);
  await page.close();
}
await close();
}
main();
