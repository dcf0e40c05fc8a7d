// Preloaded with --import: appends the URL of every module the process loads to
// CUA_TEST_MODULE_LOG, so a test can prove what a run did and did not load.
import { appendFileSync } from 'node:fs';
import { registerHooks } from 'node:module';

const log = process.env['CUA_TEST_MODULE_LOG'];
if (log) {
  registerHooks({
    load(url, context, nextLoad) {
      appendFileSync(log, `${url}\n`);
      return nextLoad(url, context);
    },
  });
}
