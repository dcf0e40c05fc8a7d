export const HELP = `cua-guard: checks Azure customer usage attribution (pid- tracking deployments) in ARM templates

Usage:
  cua-guard check [paths...] [options]   check main templates (files, or folders searched for
                                         mainTemplate.json, azuredeploy.json, prereq.azuredeploy.json)
  cua-guard help                         show this text
  cua-guard --version

Options for check:
  -f, --format text|json          output format (default text)
      --tracking-id ID            a registered tracking id (GUID, with or without pid-); repeatable
      --rule ID=SEVERITY          change a rule's severity: error, warning, notice or off; repeatable
      --strict-names              forbid a suffix after the GUID in tracking names
      --max-tracking-resources N  tracking deployments allowed per main template (default 1)
      --parameters FILE           parameters file, relative to each template
                                  (default: <template>.parameters.json beside it, when present)
      --workspace DIR             nothing outside DIR is read (default: the current folder)
      --fail-on error|warning|never   which findings make the exit code 1 (default error)

Exit codes: 0 no error-level finding, 1 findings at or above --fail-on, 2 usage or internal error.
`;
