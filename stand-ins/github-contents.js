// GET /repos/{owner}/{repo}/contents/{path}?ref=… from `state.files` ({ "owner/repo@ref:path": text }).
export const contentsRoutes = [
  {
    method: 'GET',
    path: /^\/repos\/([^/]+)\/([^/]+)\/contents\/(.+)$/,
    handle({ match, state, query }) {
      const [, owner, repo, path] = match
      const key = `${owner}/${repo}@${query.get('ref') ?? ''}:${decodeURIComponent(path)}`
      const text = state.files?.[key]
      if (text === undefined) return { status: 404, body: { message: 'Not Found', status: '404' } }
      return {
        status: 200,
        body: {
          type: 'file',
          encoding: 'base64',
          path: decodeURIComponent(path),
          name: decodeURIComponent(path).split('/').pop(),
          size: Buffer.byteLength(text),
          content: Buffer.from(text)
            .toString('base64')
            .replace(/(.{60})/g, '$1\n')
        }
      }
    }
  }
]
