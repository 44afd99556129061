import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BenchResult } from '../../bench/bench-result.ts';
import { renderBenchSvg } from '../../bench/render-bench-svg.ts';
import { inside, overlaps, textBox, type Anchor, type Box } from '../../bench/svg-text.ts';
import { parseXml, type XmlElement } from '../cli/parse-xml.ts';

// A real default run (2026-11-29) with every curve and the worker comparison.
const DEFAULT_RUN = JSON.parse(readFileSync(new URL('./fixtures/default-run.json', import.meta.url), 'utf8')) as BenchResult;
const NO_CURVES = { fleet: [], exclusionsRealistic: [], exclusionsAdversarial: [], indicators: [], stream: [] };
// What `--devices 20000 --artifacts 2M` measures: the headline figures only.
const SHAPE_RUN: BenchResult = { ...DEFAULT_RUN, mode: 'shape', curves: NO_CURVES, workers: undefined } as BenchResult;

const all = (element: XmlElement): XmlElement[] => [element, ...element.children.flatMap(all)];
const number = (element: XmlElement, name: string): number => Number(element.attributes[name]);
const boxOf = (text: XmlElement): Box =>
  textBox(
    number(text, 'x'),
    number(text, 'y'),
    text.text,
    number(text, 'font-size'),
    (text.attributes['text-anchor'] ?? 'start') as Anchor,
  );
const rectOf = (rect: XmlElement): Box => ({
  x: number(rect, 'x'),
  y: number(rect, 'y'),
  width: number(rect, 'width'),
  height: number(rect, 'height'),
});
const panels = (root: XmlElement): Map<string, XmlElement> =>
  new Map(
    all(root)
      .filter((element) => element.attributes['class'] === 'panel')
      .map((panel) => [panel.attributes['data-panel'] ?? '', panel]),
  );

function layoutProblems(svg: string): string[] {
  const root = parseXml(svg);
  const page: Box = { x: 0, y: 0, width: number(root, 'width'), height: number(root, 'height') };
  const texts = all(root).filter((element) => element.name === 'text');
  const problems: string[] = [];
  texts.forEach((text, i) => {
    if (!inside(boxOf(text), page)) problems.push(`"${text.text}" leaves the page`);
    for (const other of texts.slice(i + 1))
      if (overlaps(boxOf(text), boxOf(other))) problems.push(`"${text.text}" overlaps "${other.text}"`);
  });
  for (const [id, panel] of panels(root)) {
    const plot = all(panel).find((element) => element.attributes['class'] === 'plot');
    if (plot === undefined) problems.push(`${id} has no plot box`);
    for (const legend of all(panel).filter((element) => element.attributes['class'] === 'legend')) {
      for (const text of all(legend).filter((element) => element.name === 'text'))
        if (plot !== undefined && overlaps(boxOf(text), rectOf(plot)))
          problems.push(`${id}: legend "${text.text}" is on the plot`);
    }
  }
  return problems;
}

describe('bench SVG', () => {
  it('should parse as XML and place every text clear of every other, inside the page, with legends outside the plots', () => {
    const svg = renderBenchSvg(DEFAULT_RUN);
    expect(layoutProblems(svg)).toEqual([]);
    expect([...panels(parseXml(svg)).keys()]).toEqual(['throughput', 'workers', 'fleet', 'exclusions', 'indicators', 'stream']);
  });

  it('should label every curve point with its ratio and absolute ns, even where three series start at 1.00', () => {
    const root = parseXml(renderBenchSvg(DEFAULT_RUN));
    const labels = all(root)
      .filter((element) => element.attributes['class'] === 'val')
      .map((element) => element.text);
    const c = DEFAULT_RUN.curves;
    const points =
      [c.fleet, c.exclusionsRealistic, c.exclusionsAdversarial, c.indicators, c.stream].reduce(
        (sum, curve) => sum + curve.length,
        0,
      ) + 4;
    expect(labels).toHaveLength(points);
    expect(labels).toContain('1.15× 2,064 ns');
    // Six first points, and two second points that cost the same as their first.
    expect(labels.filter((label) => label.startsWith('1.00×'))).toHaveLength(8);
  });

  it('should draw a workers panel with both runs, the speed-up against its goal, and whether the counts agree', () => {
    const workers = panels(parseXml(renderBenchSvg(DEFAULT_RUN))).get('workers');
    const texts = all(workers as XmlElement)
      .map((element) => element.text)
      .join('\n');
    expect(texts).toContain('1 worker');
    expect(texts).toContain('900,136 /s · 1,111 ms');
    expect(texts.replace(/\n/g, ' ')).toContain(
      'speed-up 1.60× (goal ≥ 1.8×); identical merged counts, identical to countSimulation',
    );
  });

  it("should say the first pass's speed-up beside the judged one when the run measured it, clear of every other text", () => {
    const run = { ...DEFAULT_RUN, workers: { ...DEFAULT_RUN.workers!, firstPassSpeedup: 1.23 } } as BenchResult;
    const svg = renderBenchSvg(run);
    expect(layoutProblems(svg)).toEqual([]);
    const texts = all(panels(parseXml(svg)).get('workers') as XmlElement)
      .map((element) => element.text)
      .join(' ');
    expect(texts.replace(/\n/g, ' ')).toContain('speed-up 1.60× (goal ≥ 1.8×), first pass 1.23×; identical merged counts');
  });

  it("should title the workers panel with the pass it charts: a warmed pool's best since the ninth pass", () => {
    const warmed = { ...DEFAULT_RUN, workers: { ...DEFAULT_RUN.workers!, warmPasses: 3, pairs: 4 } } as BenchResult;
    const svg = renderBenchSvg(warmed);
    expect(layoutProblems(svg)).toEqual([]);
    const texts = all(panels(parseXml(svg)).get('workers') as XmlElement)
      .map((element) => element.text)
      .join(' ');
    expect(texts).toContain('(wall, warmed)');
    expect(texts).not.toContain('2nd pass');
    // An eighth-pass document (no `pairs`) keeps the title it was measured under.
    expect(renderBenchSvg(DEFAULT_RUN)).toContain('(wall, 2nd pass)');
  });

  it('should chart what a one-shape run measured rather than a title over nothing', () => {
    const svg = renderBenchSvg(SHAPE_RUN);
    expect(layoutProblems(svg)).toEqual([]);
    const shown = panels(parseXml(svg));
    expect([...shown.keys()]).toEqual(['throughput']);
    expect(
      all(shown.get('throughput') as XmlElement).filter(
        (element) => element.name === 'rect' && element.attributes['class'] === undefined,
      ),
    ).toHaveLength(4);
  });

  it('should escape every string it is given with forXml', () => {
    const hostile = '<script>alert("x")</script> & \' \u001b';
    const result = {
      ...DEFAULT_RUN,
      date: hostile,
      node: hostile,
      figures: { ...DEFAULT_RUN.figures, context: { device: hostile, mode: hostile } },
    } as BenchResult;
    const svg = renderBenchSvg(result);
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('\u001b');
    const texts = all(parseXml(svg)).map((element) => element.text);
    expect(texts.some((text) => text.includes('<script>alert("x")</script> & \''))).toBe(true);
  });
});
