// Entry point of the action's post step (action.yml runs.post → dist/post.js).
import { runPost } from './post.ts';

await runPost();
