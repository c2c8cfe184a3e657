// "Pasted into the wrong input": a value of a known shape (src/providers/shapes.ts) found where it does not belong.
import { inputError, PREFIX, UserError } from '../common/errors.js'
import { originOf } from './credential.js'
import { SHAPES } from './shapes.js'

/**
 * Refuses a value that clearly belongs in another input (an API key pasted as an OAuth token, …), naming where it
 * belongs. `where` is an input's name or a credential's `from` (`env CLAUDE_CODE_OAUTH_TOKEN`, `file PATH`): an
 * environment variable is told the variable to move it to. `accepted` lists the homes this input takes. Shapes that
 * a gateway's token may have (a JWT, a GitHub token) are refused only in inputs that never hold a secret (`plain`).
 */
export function checkPlacement(
  where: string,
  value: string,
  accepted: string[],
  plain = false
): void {
  const known = SHAPES.find(shape => (plain || !shape.plainOnly) && shape.begins?.test(value))
  if (!known || (known.home !== undefined && accepted.includes(known.home))) return
  const origin = originOf(where)
  const fix =
    'env' in origin && known.homeEnv
      ? `Move it to ${known.homeEnv}`
      : (known.fix ?? `Move it to input '${known.home}'`)
  if ('input' in origin) throw inputError(origin.input, `holds ${known.what}`, fix)
  const named = 'env' in origin ? `environment variable ${origin.env}` : origin.file
  throw new UserError(`${PREFIX}: ${named} holds ${known.what}. ${fix}`)
}

/**
 * For inputs that never hold a secret (durations, URLs, choices, paths): refuses a secret pasted there, without
 * quoting it, and names the input it belongs in. Token inputs (`github-token`, `secrets-token`) pass
 * `githubToken: true`: GitHub tokens are what they hold.
 */
export function refuseSecret(input: string, raw: string, githubToken = false): void {
  checkPlacement(input, raw.trim(), githubToken ? ['github-token'] : [], true)
}
