// Entry point the runner starts (action.yml runs.main → dist/index.js).
import { run } from './main.ts';

await run();
