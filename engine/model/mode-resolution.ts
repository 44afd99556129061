/** The outcome of MDAV mode resolution (§1.3–1.5), shared by the client and the server resolvers. */
import type { MdavMode, Reason } from '../core/vocabulary.ts';

/** The resolved mode; `reasons[0]` is the rule that decided it, later reasons are notes. */
export interface ModeResolution {
  readonly mode: MdavMode;
  readonly reasons: readonly Reason[];
}
