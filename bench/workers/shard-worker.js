// Worker threads start without the TypeScript loader: register tsx in this thread, then load the .ts worker.
import { register } from 'tsx/esm/api';

register();
await import('../shard-worker.ts');
