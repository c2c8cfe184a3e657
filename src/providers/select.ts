import type { Credential, Provider, ProviderContext, ReadContext } from './provider.js'
import { PROVIDERS, providerOf } from './index.js'
import { FEDERATION, PLATFORMS, type Platform } from './platforms.js'
import { FEDERATION_SWITCHES } from './federation.js'
import { cleanSecret } from './clean.js'
import { checkPlacement } from './placement.js'
import { REFRESH_TOKEN_INPUT, readRefreshTokenInput } from './oauth-token.js'
import { PREFIX, UserError } from '../common/errors.js'
import { truthy } from '../common/env.js'
import type { ClaudeStep } from '../workflow/claude-step.js'

export interface Selection {
  /** The credential Claude Code will use, when it uses one of ours. */
  chosen?: Credential
  /** Credentials that are present but that Claude Code will not use. */
  others: Credential[]
  warnings: string[]
  /**
   * Set when Claude Code will use a cloud platform instead, or workload identity federation: then `chosen` is unset,
   * and the platform's check (src/cloud/) proves it.
   */
  platform?: Platform
  /** The environment Claude Code gets, as far as this step can know it, when `platform` is set: its check reads it. */
  claudeEnv?: ClaudeEnv
  /** Who writes and renews federation's identity token file, when `platform` is federation and someone does. */
  tokenWrittenBy?: string
  /** `platform` was named by input `provider`, not found in the Claude step's environment. */
  named?: true
  /** The Claude step of the job this selection models (from the job's workflow), when one was found. */
  claudeStep?: ClaudeStep
  /**
   * Why Claude Code will use a credential the preflight cannot read: the Claude step sets it from an expression the
   * preflight was not given. Set only when it outranks everything the preflight found.
   */
  unseen?: string
}

/**
 * Gives `oauth-refresh-token` to the OAuth credential Claude Code would use first: the OAuth token, else the
 * credentials JSON. Returns false when there is neither (or no refresh token): then a lone refresh token is a
 * credential of its own. A credentials JSON with its own refreshToken keeps it, and `oauth-refresh-token` is ignored.
 */
function attachRefreshToken(
  context: ProviderContext,
  found: Credential[],
  warnings: string[]
): boolean {
  const refresh = readRefreshTokenInput(context)
  if (!refresh) return false
  const holder = found.find(c => providerOf(c.source).refreshable)
  if (!holder) return false
  const input = `'${REFRESH_TOKEN_INPUT}'`
  if (holder.refreshToken) {
    warnings.push(
      `${input} is ignored: the ${holder.label} from ${holder.from} carries its own refreshToken, which is the one refreshed and written back. Remove ${input}, or the refreshToken from the JSON.`
    )
    return true
  }
  holder.refreshToken = refresh.value
  holder.notes.push(
    ...refresh.notes,
    `${input} is used as the refresh token of the ${holder.label} from ${holder.from}; ${
      holder.document !== undefined
        ? `a refresh writes the credentials JSON back with the rotated refresh token inside, after which ${input} is no longer needed`
        : 'a refresh writes the rotated refresh token back alone'
    }.`
  )
  return true
}

const handedOnBy = (why: string) =>
  `this action's output oauth-token, which ${why} passes to Claude`

/** A value the preflight was given, where it came from (`input …`, `env …`, `file …`) and the name to quote. */
interface OwnValue {
  raw: string
  from: string
  name: string
}

/** Where Claude's value of one credential kind comes from, as the preflight can see it. */
type Origin =
  | ({ kind: 'value'; handedOn?: string } & OwnValue)
  /** Claude gets no value; `why` is said when the preflight itself was given one. */
  | { kind: 'absent'; why?: string }
  | { kind: 'unseen'; why: string }

/**
 * What Claude receives for `kind`. Without a Claude step, the preflight's own view: the input, else the environment
 * variable Claude Code reads. With one, what that step passes Claude (claude-step.ts): the job's value, nothing, or a
 * value written in the step, which the preflight knows only as its own input of the same kind (or its own output).
 */
function originOf(
  kind: Provider,
  context: ReadContext,
  env: NodeJS.ProcessEnv,
  step: ClaudeStep | undefined,
  handsOnOwnOutput: string | undefined
): Origin {
  const fromInput = context.input(kind.source)
  const fromEnv = kind.envVar ? (env[kind.envVar] ?? '') : ''
  const input = { raw: fromInput, from: `input ${kind.source}`, name: kind.source }
  const environment = { raw: fromEnv, from: `env ${kind.envVar}`, name: kind.envVar ?? kind.source }
  // Claude Code's own login file, which the command line reads on a laptop (never in a job).
  const file = kind.loginFile ? context.credentialsFile : undefined
  const own: OwnValue = fromInput
    ? input
    : file
      ? { raw: file.text, from: `file ${file.path}`, name: file.path }
      : environment
  if (!step) return { kind: 'value', ...own }
  const given = own.raw.trim() !== ''
  if (!kind.envVar) return credentialsFileOrigin(kind, own, step, handsOnOwnOutput)
  const value = step.variable(kind.envVar)
  if (value.kind === 'inherited') {
    if (fromEnv.trim() !== '') return { kind: 'value', ...environment }
    return {
      kind: 'absent',
      ...(given && {
        why: `${kind.label} from ${own.from} does not reach Claude: ${step.label} passes ${kind.envVar} from the job's environment, which has none`
      })
    }
  }
  if (value.kind === 'empty')
    return {
      kind: 'absent',
      ...(given && { why: `${kind.label} from ${own.from} does not reach Claude: ${value.why}` })
    }
  if (value.kind === 'output') {
    return given ? { kind: 'value', ...own, handedOn: handedOnBy(value.why) } : { kind: 'absent' }
  }
  if (fromInput.trim() !== '') return { kind: 'value', ...input }
  // Quoted only when it is an expression: a value written out in the workflow may be the credential itself.
  const written = /^\$\{\{[^}]*\}\}$/.test(value.written.trim())
    ? `\`${value.written.trim().replace(/`/g, "'")}\``
    : 'a value written in the workflow'
  return {
    kind: 'unseen',
    why: `${value.why} sets ${kind.envVar} to ${written}, which this step cannot read. Pass the same value to input '${kind.source}' to check it`
  }
}

/** The credentials JSON as the Claude step gets it: Claude Code reads it only when no environment token is set. */
function credentialsFileOrigin(
  kind: Provider,
  own: OwnValue,
  step: ClaudeStep,
  handsOnOwnOutput: string | undefined
): Origin {
  if (handsOnOwnOutput) return { kind: 'value', ...own, handedOn: handsOnOwnOutput }
  if (step.kind === 'claude-cli') return { kind: 'value', ...own }
  return {
    kind: 'absent',
    ...(own.raw.trim() !== '' && {
      why: `'${kind.source}' is not what ${step.label} uses: claude-code-action needs an environment token and Claude Code then never reads a credentials file. Hand Claude the token with \`claude_code_oauth_token: \${{ steps.<preflight id>.outputs.oauth-token }}\``
    })
  }
}

/**
 * Finds every credential Claude Code will receive (inputs first, then the environment variable Claude Code reads; or
 * what the job's Claude step passes it, when `step` is given), and picks the one Claude Code will use by its
 * precedence. Throws a UserError for a value that cannot be read, or that Claude Code would send as it is and fail
 * with (quotes around it).
 */
export function selectCredential(
  context: ReadContext,
  env: NodeJS.ProcessEnv,
  step?: ClaudeStep,
  provider: ProviderChoice = 'auto'
): Selection {
  const { found, warnings, unseen } = findCredentials({ ...context, checkPlacement }, env, step)
  const named = provider === 'auto' ? undefined : namedRoute(provider, env, step, warnings)
  const cloud = named ? named.platform : cloudProviderOf(env, step)
  const [first, ...rest] = found
  // What Claude cannot be seen to use outranks everything found: then nothing found is used.
  const chosen = unseen ? undefined : first
  const others = unseen ? found : rest
  warnings.push(...rankingWarnings(found, others, chosen, unseen))
  const stepped = step ? { claudeStep: step } : {}
  const claudeEnv = claudeEnvOf(env, step)
  const onPlatform = (platform: Platform): Selection => ({
    others: found,
    warnings,
    platform,
    claudeEnv,
    ...(platform === FEDERATION &&
      step?.kind === 'claude-code-action' && { tokenWrittenBy: step.label }),
    ...(named && { named: true }),
    ...stepped
  })
  if (cloud) return onPlatform(cloud)
  if (!named && usesFederation(claudeEnv) && !unseen) {
    // Sixth in Claude Code's precedence: below every environment credential, above the /login file.
    const outranking = found.filter(c => providerOf(c.source).envVar)
    if (outranking.length === 0) {
      for (const other of found)
        warnings.push(
          `${other.label} from ${other.from} is ignored: Claude Code uses workload identity federation first.`
        )
      return onPlatform(FEDERATION)
    }
    warnings.push(
      `The workload identity federation settings are ignored: Claude Code uses the ${outranking[0]!.label} from ${outranking[0]!.from} first. Remove it from the Claude step to use federation.`
    )
  }
  // A document (the credentials JSON) is parsed, not sent as it is: quotes around it do not reach the API.
  if (chosen?.quoted && !chosen.handedOn && chosen.document === undefined) {
    throw new UserError(
      `${PREFIX}: ${chosen.from.replace(/^input (.+)$/, "input '$1'")} is wrapped in quotes, and Claude Code sends them as part of the ${chosen.label}: the API would refuse every request. Fix: store the secret again without the quotes.`
    )
  }
  return {
    ...(chosen && { chosen }),
    others,
    warnings,
    ...stepped,
    ...(unseen !== undefined && { unseen })
  }
}

/** What input `provider` may say: `auto` (as Claude Code selects), `anthropic` (its API keys and tokens), a platform. */
export const PROVIDER_CHOICES = [
  'auto',
  'anthropic',
  ...PLATFORMS.map(platform => platform.id),
  FEDERATION.id
] as const
export type ProviderChoice = (typeof PROVIDER_CHOICES)[number]

/**
 * The route input `provider` names, for a Claude step whose environment this step cannot see (set inside a composite
 * action or a script): a platform or federation, or none (`anthropic`: the credentials' precedence). Says so when the
 * environment selects another.
 */
function namedRoute(
  provider: Exclude<ProviderChoice, 'auto'>,
  env: NodeJS.ProcessEnv,
  step: ClaudeStep | undefined,
  warnings: string[]
): { platform?: Platform } {
  const detected =
    cloudProviderOf(env, step) ?? (usesFederation(claudeEnvOf(env, step)) ? FEDERATION : undefined)
  const platform = [...PLATFORMS, FEDERATION].find(p => p.id === provider)
  if (detected && detected !== platform)
    warnings.push(
      `input 'provider' is '${provider}', but the Claude step's environment selects ${detected.label} (${detected.variable}): the check follows the input.`
    )
  return platform ? { platform } : {}
}

/** The credentials Claude Code receives, in precedence order, and what was said about the values left out. */
interface Found {
  found: Credential[]
  warnings: string[]
  /** Why Claude Code uses a credential the preflight cannot read, when it outranks everything found. */
  unseen?: string
}

function findCredentials(
  context: ProviderContext,
  env: NodeJS.ProcessEnv,
  step: ClaudeStep | undefined
): Found {
  const found: Credential[] = []
  const warnings: string[] = []
  const empty: Provider[] = []
  let unseen: string | undefined
  const handsOnOwnOutput = ownOutputHandedOn(step)
  for (const kind of PROVIDERS) {
    const origin = originOf(kind, context, env, step, handsOnOwnOutput)
    if (origin.kind === 'unseen') {
      if (found.length === 0 && unseen === undefined) unseen = origin.why
      continue
    }
    if (origin.kind === 'absent') {
      if (origin.why) warnings.push(origin.why)
      empty.push(kind)
      continue
    }
    if (origin.raw.trim() === '') {
      if (origin.raw !== '') warnings.push(`'${origin.name}' holds only whitespace and was ignored`)
      empty.push(kind)
      continue
    }
    found.push(readCredential(kind, origin, context))
  }
  if (!attachRefreshToken(context, found, warnings)) {
    // Still in precedence order: with no OAuth token or credentials JSON found, nothing found ranks after a lone one.
    for (const kind of empty) {
      const lone = kind.readEmpty?.(context)
      if (lone) found.push(lone)
    }
  }
  return { found, warnings, ...(unseen !== undefined && { unseen }) }
}

/** When the Claude step passes Claude this action's own output (in any credential's variable): how it says so. */
function ownOutputHandedOn(step: ClaudeStep | undefined): string | undefined {
  const ownOutput =
    step &&
    PROVIDERS.flatMap(kind => (kind.envVar ? [step.variable(kind.envVar)] : [])).find(
      value => value.kind === 'output'
    )
  return ownOutput ? handedOnBy(ownOutput.why) : undefined
}

/** The credential read from its value, cleaned first (its notes said first), marked when quoted or handed on. */
function readCredential(
  kind: Provider,
  origin: Extract<Origin, { kind: 'value' }>,
  context: ProviderContext
): Credential {
  const { value, notes, quoted } = cleanSecret(origin.name, origin.raw)
  const credential = kind.read(value, origin.from, context)
  credential.notes.unshift(...notes)
  if (quoted) credential.quoted = true
  if (origin.handedOn) credential.handedOn = origin.handedOn
  return credential
}

/** The platform Claude Code is switched to, if any. */
function cloudProviderOf(
  env: NodeJS.ProcessEnv,
  step: ClaudeStep | undefined
): Platform | undefined {
  return PLATFORMS.find(({ variable }) => {
    const value = step?.variable(variable)
    if (!value || value.kind === 'inherited') return truthy(env[variable])
    return value.kind === 'step' && truthy(value.written)
  })
}

/** Credentials that exclude each other, and each credential found that Claude Code will not use. */
function rankingWarnings(
  found: Credential[],
  others: Credential[],
  chosen: Credential | undefined,
  unseen: string | undefined
): string[] {
  const warnings: string[] = []
  for (const credential of found) {
    const excludes = providerOf(credential.source).excludes
    if (excludes && found.some(c => c.source === excludes.source)) warnings.push(excludes.warning)
  }
  for (const other of others) {
    warnings.push(
      chosen
        ? `${other.label} from ${other.from} is ignored: Claude Code uses the ${chosen.label} from ${chosen.from} first.`
        : `${other.label} from ${other.from} is ignored: ${unseen}.`
    )
  }
  return warnings
}

/** The environment Claude Code gets, as far as this step can know it. */
export interface ClaudeEnv {
  env: NodeJS.ProcessEnv
  /** Variables the Claude step sets from an expression this step cannot read, and that this step was not given. */
  unreadable: string[]
}

/**
 * This step's environment, with what the Claude step sets differently (src/workflow/claude-step.ts): a value written
 * out, an empty one, or, for one it sets from an expression (`${{ vars.… }}`) the preflight cannot evaluate, this
 * step's own value of the same variable when it was given one.
 */
function claudeEnvOf(env: NodeJS.ProcessEnv, step: ClaudeStep | undefined): ClaudeEnv {
  const seen: NodeJS.ProcessEnv = { ...env }
  const unreadable: string[] = []
  for (const name of step?.differing ?? []) {
    const value = step!.variable(name)
    if (value.kind === 'empty') seen[name] = ''
    else if (value.kind === 'step' && !/\$\{\{/.test(value.written)) seen[name] = value.written
    else if (value.kind === 'step' && !env[name]?.trim()) unreadable.push(name)
  }
  return { env: seen, unreadable }
}

/** Claude Code uses federation when both switches are set (trimmed), or may when the step sets one unreadably. */
const usesFederation = ({ env, unreadable }: ClaudeEnv) =>
  FEDERATION_SWITCHES.every(name => env[name]?.trim() || unreadable.includes(name))
