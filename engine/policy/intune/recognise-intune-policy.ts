/** Tells whether text is an Intune policy exported from Graph, before anything of it is quoted (issue 10). */

/** A settings-catalog instance (`"settingDefinitionId":`) or a custom profile's OMA-URI setting (`"omaUri":`). */
const INTUNE_KEY = /"(?:settingDefinitionId|omaUri)"\s*:/;

/**
 * True for JSON text (an object or a list) naming `settingDefinitionId` or `omaUri` as a key: a
 * `deviceManagement/configurationPolicies` export with its settings expanded, or a custom
 * (`windows10CustomConfiguration`) profile. Anything else is refused whole and none of it is quoted.
 *
 * @example
 * recogniseIntunePolicy('{ "settings": [ { "settingInstance": { "settingDefinitionId": "x" } } ] }'); // true
 * recogniseIntunePolicy('{ "ExclusionPath": null }'); // false
 */
export function recogniseIntunePolicy(text: string): boolean {
  const trimmed = text.charCodeAt(0) === 0xfeff ? text.slice(1).trimStart() : text.trimStart();
  return (trimmed.startsWith('{') || trimmed.startsWith('[')) && INTUNE_KEY.test(text);
}
