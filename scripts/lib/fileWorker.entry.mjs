// Entry of a file worker: TypeScript through tsx's loader (whether or not the parent runs under tsx), then the worker itself.
import { register } from 'tsx/esm/api';

register();
await import('./fileWorker.ts');
