// CUA003: the tracking name is not pid-<GUID>[-suffix] or pid-<id>-partnercenter, or not a valid
// deployment name. model/tracking-name.ts decides what is wrong (as data); this module words it
// and, for a literal name whose intended id is clear, attaches the rename.
import type { Rule } from '../engine/rule.ts';
import { truncate } from '../model/preview.ts';
import { propertyRef } from './rule.ts';
import { repairInvalidName } from './name-repair.ts';
import { copyLoopOf, filledAtBuild } from './tracking-set.ts';
import { messagesFor, problemMessage } from './tracking-name-problems.ts';

const messages = {
  ...messagesFor("tracking name '{{name}}' is invalid: ", ''),
  ...messagesFor("tracking name '{{name}}' is invalid in copy iteration {{iteration}} ('{{iterationName}}'): ", 'InIteration'),
  ...messagesFor(
    "tracking name '{{name}}' is invalid in copy iteration {{iteration}} ('{{iterationName}}'): ",
    'InIterations',
    ' (and in {{others}} more iterations)',
  ),
};

export const cua003: Rule<keyof typeof messages> = {
  meta: {
    id: 'CUA003',
    name: 'invalid-tracking-name',
    description: "The tracking name is not 'pid-' + a GUID (optionally with a suffix) or a Partner Center tracking id, or not a valid deployment name",
    help: 'The name is not `pid-` + a GUID (8-4-4-4-12 hex digits, any case, no braces) and not a Partner\nCenter id (`pid-<lowercase letters, digits, dashes>-partnercenter`); or it is not a valid deployment\nname (at most 64 characters of letters, digits and `-._()`). A suffix after the GUID\n(`pid-<GUID>-<suffix>`, often `uniqueString(...)` so the name is unique per location) is accepted unless\n`strict-names: true`. Names that carry `pid-` elsewhere (`amba-alz-pid-…`) are reported here too:\nPartner Center does not attribute them.\n\nA partly known name is judged on what is known. When the known text already rules out both forms, it\nis this error, not [CUA010](#cua010-unresolved-tracking-name): a dash-delimited block that breaks\n8-4-4-4-12 in a GUID-like start, a character neither form allows (`_`, upper case in a Partner Center\nid), or an end that cannot be `-partnercenter` (a `uniqueString()` hash never ends so). A GUID glued\nto `uniqueString()` without `-` is no suffix. The length limit counts `uniqueString()` as its 13\ncharacters and `guid()` as 36 (other unknowns as 0), so a name that is at least 65 characters long\nfails before deployment does.\n\nPassing: `"pid-4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6"`, `"pid-4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6-westeurope"`,\n`"pid-contoso-myoffer-partnercenter"`, `"[concat(\'pid-4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6-\', uniqueString(deployment().location))]"`.\nFailing: `"pid-eb7927c8-dd66-43e1-b0cf-c346a422063"` (the docs\' own sample: 11 digits in the last group),\nalso as `"[format(\'pid-eb7927c8-dd66-43e1-b0cf-c346a422063-{0}\', uniqueString(deployment().name))]"`;\n`"[concat(\'pid-NOT_A_GUID-\', uniqueString(deployment().name))]"`, `"pid-{4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6}"`, `"PID-…"`.\n\nA top-level deployment of exactly the tracking shape (mode Incremental, empty inline template) whose whole name is a build placeholder (`"${start}"`, `"{{trackingId}}"`, `"__PID__"`, `"<tracking id>"`, filled in by a Maven or packaging step, as some Marketplace repositories do) is the tracking deployment with its id filled in at build: a warning that says so (check the built package), not CUA001.\n\n`cua-guard fix` renames a literal name whose intended id is clear: `PID-`/`Pid-` in lower case, braces round the GUID removed, a GUID one or two characters away from the one given id; otherwise, with exactly one given id and one top-level tracking deployment, it becomes `pid-<given id>` (keeping a landing-zone suffix). Names built by expressions are left to you.',
    defaultSeverity: 'error',
    precision: 'very-high',
    messages,
  },
  check({ model, candidates, settings, report }) {
    for (const candidate of candidates) {
      const at = propertyRef(candidate.entry, 'name');
      const name = truncate(candidate.name.display);
      if (candidate.name.form === 'invalid' && candidate.name.problem !== undefined) {
        const { key, data } = problemMessage(candidate.name, candidate.name.problem);
        if (candidate.filledAtBuild) {
          // Not wrong as a build input, and not checkable here: one warning per template (the
          // first; packaging often writes start and end markers), never rewritten.
          const all = filledAtBuild(candidates);
          if (all[0] !== candidate) continue;
          const notFixable = 'the name is filled in when the package is built';
          const more =
            all.length > 1
              ? { messageId: 'buildPlaceholders' as const, data: { name, ...data, others: all.length - 1 } }
              : { messageId: key, data: { name, ...data } };
          report({ ...more, at, resource: candidate.entry, severity: 'warning', notFixable });
          continue;
        }
        const fix = repairInvalidName(candidate, { model, candidates, settings });
        report({ messageId: key, data: { name, ...data }, at, resource: candidate.entry, ...fix });
        continue;
      }
      // A copy loop: each iteration's name (copyIndex() bound) is a name of its own.
      const iterations = copyLoopOf(candidate, settings.strictNames)?.names ?? [];
      const bad = iterations.findIndex((n) => n.form === 'invalid');
      const first = iterations[bad];
      if (first?.problem === undefined) continue;
      const others = iterations.filter((n) => n.form === 'invalid').length - 1;
      const { key, data } = problemMessage(first, first.problem);
      const where = { name, iteration: bad, iterationName: first.display };
      report(
        others > 0
          ? { messageId: `${key}InIterations`, data: { ...where, ...data, others }, at, resource: candidate.entry }
          : { messageId: `${key}InIteration`, data: { ...where, ...data }, at, resource: candidate.entry },
      );
    }
  },
};
