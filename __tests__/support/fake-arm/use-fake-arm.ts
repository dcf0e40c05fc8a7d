// The set-up every verification test file shares: the fake ARM server and a temporary workspace,
// started before the file's tests and closed after them.
import { after, before } from 'node:test';
import { startFakeArm, type FakeArm, type Scenario } from './server.ts';
import { createTempWorkspace, type TempWorkspace } from '../temp-workspace.ts';

export interface FakeArmAndWorkspace {
  fake: FakeArm;
  ws: TempWorkspace;
}

/**
 * Registers the before/after hooks and returns the server and the workspace, so a file can write
 * `const { fake, ws } = useFakeArmAndWorkspace();` at its top. Both exist only once `before` has
 * run, so what is returned stands in for them: each property read goes to the started one (using
 * either earlier throws). `prepare` runs in the same hook, once both exist: a second top-level
 * before() would not wait for this one.
 */
export function useFakeArmAndWorkspace(scenario: Partial<Scenario> = {}, prepare?: (started: FakeArmAndWorkspace) => void): FakeArmAndWorkspace {
  let fake: FakeArm | undefined;
  let ws: TempWorkspace | undefined;
  before(async () => {
    fake = await startFakeArm(scenario);
    ws = createTempWorkspace();
    prepare?.({ fake, ws });
  });
  after(async () => {
    await fake?.close();
    ws?.dispose();
  });
  return { fake: startedLater(() => fake, 'the fake ARM server'), ws: startedLater(() => ws, 'the temporary workspace') };
}

/** An object whose property reads go to `current()` (methods bound to it). */
function startedLater<T extends object>(current: () => T | undefined, what: string): T {
  return new Proxy({} as T, {
    get(_, property) {
      const target = current();
      if (target === undefined) throw new Error(`${what} is used before the before() hook started it`);
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
