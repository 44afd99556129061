/** The device model's reading of a `Get-MpComputerStatus` export: the mode it shows and the fields it fixes (§1.2, §3.6). */
import { DEFAULT_CONFLICT_SETTINGS, type ConflictSettings } from '../core/config.ts';
import type { ComputerStatusFacts, ReadField, StatusDevice } from '../core/device-facts.ts';
import type { MdavMode } from '../core/vocabulary.ts';

/** What a device prints for a version it does not have (§1.2, community observation [inference]). */
const NO_VERSION = '0.0.0.0';

/**
 * Reads the export the way `runningMode` and `mpComputerStatus` write it, backwards: `Normal` is active,
 * `Passive Mode` passive, `EDR Block Mode` passive with block mode effective (C3, FAQ reading; under
 * `activeRunningMode: 'EDR Block Mode'` it may be active too, so the mode is left unknown), `Not running`
 * disabled, or not installed when `AMProductVersion` is `0.0.0.0`. Without `AMRunningMode` (platforms
 * before 4.18.2008.9) the mode is unknown. `0.0.0.0` versions are unknown, not versions.
 *
 * @example
 * statusDevice({ AMRunningMode: { value: 'EDR Block Mode', line: 3, column: 35 } }).mode; // 'passive'
 */
export function statusDevice(
  facts: ComputerStatusFacts,
  settings: Pick<ConflictSettings, 'activeRunningMode'> = DEFAULT_CONFLICT_SETTINGS,
): StatusDevice {
  const product = facts.AMProductVersion;
  const running = facts.AMRunningMode?.value;
  const absent = running === 'Not running' && product?.value === NO_VERSION;
  const mode: MdavMode | undefined =
    running === 'Normal'
      ? 'active'
      : running === 'Passive Mode'
        ? 'passive'
        : running === 'EDR Block Mode'
          ? settings.activeRunningMode === 'EDR Block Mode'
            ? undefined
            : 'passive'
          : running === 'Not running'
            ? absent
              ? 'not-installed'
              : 'disabled'
            : undefined;
  // §3.6: only EDR Block Mode says block mode is effective; Normal hides it (C3) and Passive Mode denies it.
  const blockModeEffective =
    running === 'EDR Block Mode' ? true : running === 'Passive Mode' || running === 'Not running' ? false : undefined;
  const version = (field: ReadField<string> | undefined) =>
    field === undefined || field.value === NO_VERSION ? undefined : field;
  const installed: ReadField<boolean> | undefined =
    product === undefined ? undefined : { value: product.value !== NO_VERSION, line: product.line, column: product.column };
  return {
    facts,
    ...(mode === undefined ? {} : { mode }),
    ...(blockModeEffective === undefined ? {} : { blockModeEffective }),
    fields: {
      ...(installed === undefined ? {} : { installed }),
      ...(version(product) === undefined ? {} : { platform: product }),
      ...(version(facts.AMEngineVersion) === undefined ? {} : { engine: facts.AMEngineVersion }),
      ...(facts.IsTamperProtected === undefined ? {} : { tamperProtection: facts.IsTamperProtected }),
    },
  };
}
