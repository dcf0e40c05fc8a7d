// The action's post step (runs always, also after a cancelled job): removes what a verification
// deployment created, as recorded in the step state, according to the cleanup input. With
// nothing recorded (verify none, validate without a new resource group, existing) it returns
// without loading the Azure SDK.
import * as core from '../../github/runner.ts';
import { CLEANUP_STATE_KEY, parseJournal, shouldCleanUp, type CleanupJournal } from '../../azure/journal.ts';

/** Post-step time budget: deleting a resource group can take many minutes. */
const POST_TIMEOUT_MS = 45 * 60_000;

export async function runPost(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const raw = core.getState(CLEANUP_STATE_KEY);
  if (!raw) return;
  let journal: CleanupJournal;
  try {
    journal = parseJournal(raw);
  } catch (error) {
    core.warning(`cua-guard: cannot read what the verification created (${error instanceof Error ? error.message : String(error)}); nothing was removed`);
    return;
  }
  if (journal.created.length === 0) return;
  if (!shouldCleanUp(journal)) {
    core.info(
      `cua-guard: leaving ${describe(journal)} in place (cleanup: ${journal.cleanup}${journal.cleanup === 'on-success' ? `, verification ${journal.outcome ?? 'did not finish'}` : ''})`,
    );
    return;
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error('post-step time-out')), POST_TIMEOUT_MS);
  timer.unref();
  try {
    const { runCleanup } = await import('../../azure/cleanup.ts');
    const report = await runCleanup(journal, {
      env,
      signal: controller.signal,
      log: (line) => core.info(`cua-guard: ${line}`),
      warn: (line) => core.warning(`cua-guard: ${line}`),
    });
    core.info(`cua-guard: clean-up finished: ${report.removed.length} removed, ${report.failed.length} failed, ${report.requestCount} Azure request(s)`);
    // Left-over resources cost money and block the next run's names: fail loudly.
    if (report.failed.length > 0) core.setFailed(`cua-guard could not remove: ${report.failed.join('; ')}`);
  } catch (error) {
    core.setFailed(`cua-guard clean-up failed: ${error instanceof Error ? error.message : String(error)}; remove ${describe(journal)} by hand`);
  } finally {
    clearTimeout(timer);
  }
}

function describe(journal: CleanupJournal): string {
  return journal.created.map((item) => (item.kind === 'resourceGroup' ? `resource group '${item.name}'` : `deployment '${item.name}'`)).join(', ');
}
