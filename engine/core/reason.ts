/** The one way to make a `Reason`: a layer, a stable code, a sentence, and the § it cites. */
import type { Reason } from './vocabulary.ts';

/**
 * A reason of `layer`; `cite` is left out (not `undefined`) when not given, so JSON output has no empty key.
 *
 * @example
 * reason('mdav', 'passive', 'MDAV is in passive mode', '§1.1');
 * // { layer: 'mdav', code: 'passive', message: 'MDAV is in passive mode', cite: '§1.1' }
 */
export function reason(layer: string, code: string, message: string, cite?: string): Reason {
  return cite === undefined ? { layer, code, message } : { layer, code, message, cite };
}

/**
 * A {@link reason} maker bound to one layer and, optionally, the § its reasons cite unless told otherwise
 * (default: no cite).
 *
 * @example
 * const mdavReason = reasonFor('mdav', '§1.4');
 * mdavReason('legacy-agent', 'the MMA agent has no passive mode').cite; // '§1.4'
 */
export function reasonFor(layer: string, defaultCite?: string): (code: string, message: string, cite?: string) => Reason {
  return (code, message, cite = defaultCite) => reason(layer, code, message, cite);
}
