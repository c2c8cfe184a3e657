import { PREFIX, UserError, clip } from '../common/errors.js'
import { defaultOf, valueOf, type PlainInput } from './declared.js'
import { parseBoolean } from './parse.js'

/** The post step's inputs. */
export interface PostInputs {
  /** `claude-output`: paths or globs of what Claude wrote. */
  outputPatterns: string[]
  failOnAuthError: boolean
  prComment: boolean
  /** For the PR comment; '' when not given. */
  githubToken: string
}

/**
 * Reads the post step's inputs. Without `warn` a bad boolean throws (the main step refuses it on every run); with
 * it, at job end, it is a warning and the default.
 */
export function readPostInputs(
  input: (name: string) => string,
  env: NodeJS.ProcessEnv,
  warn?: (message: string) => void
): PostInputs {
  const flag = (name: PlainInput): boolean => {
    const value = valueOf(input, name)
    try {
      return parseBoolean(name, value)
    } catch (error) {
      if (!warn || !(error instanceof UserError)) throw error
      const fallback = parseBoolean(name, defaultOf(name))
      warn(`${PREFIX}: input '${name}' is '${clip(value)}', not true or false; using ${fallback}.`)
      return fallback
    }
  }
  return {
    outputPatterns: outputPatterns(input('claude-output'), env),
    failOnAuthError: flag('fail-on-auth-error'),
    prComment: flag('pr-comment'),
    githubToken: input('github-token').trim()
  }
}

/** `claude-output` lines, without blanks and `#` comments; none means the default, in `RUNNER_TEMP`. */
function outputPatterns(text: string, env: NodeJS.ProcessEnv): string[] {
  const lines = text
    .split(/\r?\n/)
    .map(line => line.trim())
    .filter(line => line && !line.startsWith('#'))
  if (lines.length > 0) return lines
  const temp = env.RUNNER_TEMP || '.'
  return [defaultOf('claude-output').replace('${{ runner.temp }}', () => temp)]
}
