// Plain-text logs (`claude -p … | tee log`, a job log): only Claude Code's, the API's and GitHub's own phrasings,
// at the start of a line, count. A bare "401", a diff line (`+`, `-`, ` `) or a quoted string does not.
import { classifyApiError } from '../providers/anthropic-failures.js'
import type { FailureKindId } from '../providers/failures.js'
import { redactSecrets } from '../providers/shapes.js'
import { normaliseText } from '../common/redact.js'

export interface TextSignal {
  kind: FailureKindId
  status?: number
  message: string
  /** ISO time from a `2026-01-02T03:04:05.1234567Z ` prefix (downloaded job logs), when present. */
  at?: string
}

// A GitHub job-log timestamp, then optional annotation / error prefixes.
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z) /
const PREFIX = /^(?:##\[error\]|::error[^:]*::|Error: |error: |\[error\] )/
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g

/** Cheap test before any regex: does the line contain one of the words the patterns need? */
const ANCHORS = [
  'API Error',
  'Failed to authenticate',
  'Invalid API key',
  'Credit balance',
  'revoked',
  'organization',
  'Please run /login',
  'Bad credentials',
  'Authentication failed for',
  'Invalid username or password',
  'token exchange failed'
]

interface Pattern {
  re: RegExp
  classify(match: RegExpExecArray): { kind: FailureKindId | undefined; status?: number }
}

const api = (status: number | undefined, message: string) => ({
  kind: classifyApiError({ status, message }),
  status
})

const PATTERNS: Pattern[] = [
  // "Failed to authenticate. API Error: 401 OAuth token has expired. …", "API Error: 403 {…json…}",
  // "API Error: Request rejected (429) · You have reached your specified API usage limits."
  {
    re: /^(?:Failed to authenticate\. )?API Error: (?:(\d{3})\b|Request rejected \((\d{3})\) · )?(.*)$/,
    classify: m => {
      const status = m[1] ?? m[2]
      return api(status === undefined ? undefined : Number(status), apiMessage(m[3] ?? ''))
    }
  },
  // "Failed to authenticate: OAuth token revoked. …", "Failed to authenticate: this login reached its time limit …"
  {
    re: /^Failed to authenticate: (.+)$/,
    classify: m => ({
      kind: classifyApiError({ category: 'authentication_failed', message: m[1] })
    })
  },
  { re: /^Invalid API key · /, classify: () => ({ kind: 'anthropic-auth-invalid', status: 401 }) },
  { re: /^Credit balance (?:is )?too low\b/, classify: () => ({ kind: 'anthropic-billing' }) },
  {
    re: /^(?:Your organization has disabled (?:API key authentication|Claude subscription access)|Your ANTHROPIC_API_KEY belongs to a disabled organization)/,
    classify: () => ({ kind: 'anthropic-auth-forbidden', status: 403 })
  },
  {
    re: /^OAuth (?:access )?token (?:has been )?revoked\b/,
    classify: () => ({ kind: 'anthropic-auth-revoked' })
  },
  {
    re: /^(?:Your session has expired|Session expired)\. Please run \/login/,
    classify: () => ({ kind: 'anthropic-auth-expired' })
  },
  // GitHub: octokit's HttpError, the gh CLI, git over HTTPS, claude-code-action's App token exchange.
  {
    re: /^(?:HttpError: Bad credentials|RequestError \[HttpError\]: Bad credentials|HTTP 401: Bad credentials|gh: Bad credentials|Bad credentials - https:\/\/docs\.github\.com)/,
    classify: () => ({ kind: 'github-auth', status: 401 })
  },
  {
    re: /^(?:fatal: Authentication failed for 'https?:\/\/|remote: Invalid username or password\.)/,
    classify: () => ({ kind: 'github-auth' })
  },
  {
    re: /^App token exchange failed: (\d{3})\b/,
    classify: m => ({ kind: 'github-auth', status: Number(m[1]) })
  }
]

/** The message inside `API Error: 401 {"type":"error","error":{"message":"…"}}`, else the text as it is. */
function apiMessage(rest: string): string {
  const text = rest.trim()
  if (text.startsWith('{')) {
    try {
      const body = JSON.parse(text) as { error?: { message?: unknown; type?: unknown } }
      if (typeof body.error?.message === 'string') return body.error.message
    } catch {
      // not JSON: keep the text
    }
  }
  return text
}

/** Claude Code's Bash tool puts the exit code before a failed command's output. */
const EXIT_CODE_LINE = /^Exit code \d+\r?\n/

/**
 * The line of a failed GitHub tool call's output (git, gh, the GitHub MCP server) that is GitHub's or git's own
 * refusal of the token, when the output starts with one: the first line (after the Bash tool's `Exit code N`), or
 * the line after git's `remote:` answer. Words further down (a pull request's body that `gh` printed, a diff) are
 * not GitHub speaking.
 */
export function githubRefusal(output: string): string | undefined {
  const lines = output.replace(EXIT_CODE_LINE, '').trimStart().split(/\r?\n/, 2)
  for (const line of lines) {
    if (classifyTextLine(line)?.kind === 'github-auth') return line.trim()
    if (isGitHubErrorJson(line)) return line.trim()
    if (!line.startsWith('remote: ')) break
  }
  return undefined
}

/** GitHub's REST error body: `{"message":"Bad credentials","documentation_url":"https://docs.github.com/…"}`. */
function isGitHubErrorJson(line: string): boolean {
  return /^\{\s*"message"\s*:\s*"(?:Bad credentials|Requires authentication)"\s*,\s*"documentation_url"\s*:\s*"https:\/\/docs\.github\.com\//.test(
    line.trim()
  )
}

/** The credential failure a plain-text line reports, if it reports one. */
export function classifyTextLine(raw: string): TextSignal | undefined {
  if (!ANCHORS.some(anchor => raw.includes(anchor))) return undefined
  let line = raw.replace(ANSI, '').replace(/\r$/, '')
  let at: string | undefined
  const stamp = TIMESTAMP.exec(line)
  if (stamp) {
    // The pattern admits dates no calendar has (month 13): such a prefix gives no time, never an exception.
    const ms = Date.parse(stamp[1] ?? '')
    if (Number.isFinite(ms)) at = new Date(ms).toISOString()
    line = line.slice(stamp[0].length)
  }
  line = line.replace(PREFIX, '')
  for (const pattern of PATTERNS) {
    const match = pattern.re.exec(line)
    if (!match) continue
    const { kind, status } = pattern.classify(match)
    if (!kind) return undefined
    // Redacted before it is cut: a secret cut short no longer looks like one.
    const signal: TextSignal = {
      kind,
      message: redactSecrets(normaliseText(line.trim())).slice(0, 500)
    }
    if (status !== undefined) signal.status = status
    if (at) signal.at = at
    return signal
  }
  return undefined
}
