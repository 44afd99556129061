/** Schema of `settings`: which reading of a documented conflict (§7) the run uses; unset keys keep the recommended default. */
import { z } from 'zod';
import { DEFAULT_CONFLICT_SETTINGS } from '../../core/config.ts';

const option = <const T extends readonly [string, ...string[]]>(
  values: T,
  key: keyof typeof DEFAULT_CONFLICT_SETTINGS,
  description: string,
) => z.enum(values).optional().meta({ default: DEFAULT_CONFLICT_SETTINGS[key], description });

/** A partial `ConflictSettings` (engine/core/config.ts); merged over `DEFAULT_CONFLICT_SETTINGS`. */
export const settingsSchema = z
  .strictObject({
    smartAppControlUnonboarded: option(
      ['passive', 'disabled'],
      'smartAppControlUnonboarded',
      'C5: Windows 11, third-party AV, not onboarded, Smart App Control on',
    ),
    activeRunningMode: option(
      ['Normal', 'EDR Block Mode'],
      'activeRunningMode',
      'C3: AMRunningMode of an active device with block mode',
    ),
    activeModeBlockMode: option(['post-breach', 'none'], 'activeModeBlockMode', '§3.9: what block mode does when MDAV is active'),
    server2016BlockMode: option(['current', '2021'], 'server2016BlockMode', 'C1: Server 2016 / 2012 R2 block-mode support'),
    trailingStar: option(['literal', 'folder'], 'trailingStar', '§4.3: what C:\\Temp\\* matches'),
    repeatedProcess: option(['or', 'and'], 'repeatedProcess', 'C12: repeated Process: in one contextual exclusion'),
    wdacAllowVsBlockIoc: option(['block', 'allow'], 'wdacAllowVsBlockIoc', 'C8: WDAC Allow and a Block indicator'),
    blockModeRecommendation: option(
      ['passive-only', 'all-running'],
      'blockModeRecommendation',
      '§3.9, §3.10, C4: which devices get the turn-on-edr-block-mode recommendation',
    ),
  })
  .meta({ description: 'choices between conflicting Microsoft pages (§7); defaults are the recommended readings' });
