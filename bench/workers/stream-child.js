// A forked child starts without the TypeScript loader: register tsx, then load the .ts entry.
import { register } from 'tsx/esm/api';

register();
await import('../stream-child.ts');
