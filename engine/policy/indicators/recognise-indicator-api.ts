/** Tells whether text is the Defender indicators API JSON (`GET /api/indicators`), before anything of it is quoted (issue 10). */

/** A JSON key the Indicator entity always carries (ti-indicator: `indicatorValue`, `indicatorType`). */
const API_KEY = /"indicator(?:Value|Type)"\s*:/;

/**
 * True for JSON text (an object or a list) naming `indicatorValue` or `indicatorType` as a key, as the
 * response of `GET https://api.security.microsoft.com/api/indicators` does in each item of its `value`
 * list. Anything else is not such an export: it is refused whole and none of it is quoted.
 *
 * @example
 * recogniseIndicatorApi('{ "value": [ { "indicatorValue": "contoso.com", "indicatorType": "DomainName" } ] }'); // true
 * recogniseIndicatorApi('IndicatorType,IndicatorValue\r\n'); // false
 */
export function recogniseIndicatorApi(text: string): boolean {
  const trimmed = text.charCodeAt(0) === 0xfeff ? text.slice(1).trimStart() : text.trimStart();
  return (trimmed.startsWith('{') || trimmed.startsWith('[')) && API_KEY.test(text);
}
