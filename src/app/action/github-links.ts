// Links to a file and line on GitHub for the job summary, from the runner's environment.
export function lineLinker(env: NodeJS.ProcessEnv): ((file: string, line: number) => string | undefined) | undefined {
  const server = env['GITHUB_SERVER_URL'];
  const repository = env['GITHUB_REPOSITORY'];
  const sha = env['GITHUB_SHA'];
  if (!server || !repository || !sha) return undefined;
  return (file, line) => `${server}/${repository}/blob/${sha}/${file.split('/').map(encodeURIComponent).join('/')}#L${line}`;
}
