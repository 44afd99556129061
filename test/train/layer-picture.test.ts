/** The layer picture: the path an artifact took, the exclusion that matched, the indicator block mode did not consult. */
import { describe, expect, it } from 'vitest';
import { renderLayerPicture } from '../../engine/train/layer-picture.ts';
import { libraryClassroom, textClassroom } from './classroom-fixture.ts';
import { ARTIFACT, CLASSROOM_HOSTILE, DEVICE } from './classroom-hostile.ts';
import { unknownMarkup, visibleText } from './html-markup.ts';

const verdictOf = (file: string, artifact: string) => {
  const verdict = libraryClassroom(file).context.decided?.get(artifact);
  if (verdict === undefined) throw new Error(`no verdict for ${artifact} in ${file}`);
  return verdict;
};

const EXCLUSIONS = '07-exclusions/01-block-mode-honours-folder-exclusion.yaml';

describe('renderLayerPicture', () => {
  it('should draw an accessible SVG: role img, a label, and the same facts as a hidden list', () => {
    const html = renderLayerPicture(verdictOf(EXCLUSIONS, 'roaming-dropper'));
    expect(html).toMatch(
      /<svg role="img" aria-label="Protection layers for roaming-dropper on [^"]+: blocked by edr-block-mode"/,
    );
    expect(html.match(/<g class="layer layer-/g)?.length).toBe(4);
    expect(html).toContain('<g class="layer layer-stopped">');
    expect(html.match(/<ul class="visually-hidden">(.*)<\/ul>/)?.[1]?.match(/<li>/g)?.length).toBe(4);
    expect(unknownMarkup(html)).toEqual([]);
  });

  it('should draw the path dashed past the layer that stopped it', () => {
    const html = renderLayerPicture(verdictOf('09-recording/03-primary-av-stops-first.yaml', 'lumma-attachment'));
    expect(html.match(/class="path path-skipped"/g)?.length).toBe(3);
  });

  it('should escape the exclusion, device and artifact names a scenario writes', () => {
    const classroom = textClassroom(CLASSROOM_HOSTILE);
    for (const verdict of classroom.context.decided?.values() ?? []) {
      const html = renderLayerPicture(verdict);
      expect(unknownMarkup(html)).toEqual([]);
      expect(visibleText(html)).toContain(DEVICE);
    }
    const first = renderLayerPicture(classroom.context.decided?.get(ARTIFACT) as never);
    expect(visibleText(first)).toContain('C:\\Temp\\"><img');
    expect(renderLayerPicture(classroom.context.decided?.get(ARTIFACT) as never)).toBe(first);
  });
});
