/** Public surface of io/: the one reader of input files, its size limits and text decoding, import confinement. */

// Reading
export { readInput, type InputFile, type ReadInputOptions } from './read-input.ts';
export { decodeText, binaryIssue } from './decode-text.ts';
export { DEFAULT_MAX_FILE_SIZE, MAX_FILE_SIZE_LIMIT, parseByteSize, formatByteSize } from './byte-size.ts';

// Where imports may come from
export { confineImport, isInside } from './confine-import.ts';

// What a path is
export { describeKind, isFolder } from './file-kind.ts';

// Files at a git revision (`edrsim diff origin/main:policy.yaml …`)
export { gitShow, gitImportPath, parseGitRef, type GitRef, type GitShowOptions } from './git-show.ts';
