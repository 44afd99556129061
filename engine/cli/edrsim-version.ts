/** edrsim's version: the one home of the number `--version` prints and SARIF's `tool.driver.version` carries, read from package.json. */
import packageJson from '../../package.json' with { type: 'json' };

/**
 * The `version` of package.json, so that a release changes one place.
 *
 * @example
 * EDRSIM_VERSION; // '0.1.0'
 */
export const EDRSIM_VERSION: string = packageJson.version;
