/** The id of the diff's own generator: its artifacts are `diff-gen-<device>-<n>`, told apart from a scenario's own. */
export const GENERATED_ID = 'diff-gen';
