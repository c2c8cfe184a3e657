// Finds the step of the running job that runs Claude Code, and what it hands Claude: the preflight's verdict must be
// about the credential that step passes on, not about whatever the preflight's own step happens to see. Pure: it reads
// a parsed workflow document and never evaluates `${{ … }}` expressions (a secret's value is not in the file).

import { inert } from '../common/inert.js'
import { clipChars } from '../common/markdown.js'

/** What one environment variable holds in Claude's process, relative to the job's environment. */
export type StepValue =
  /** The job's value (job or workflow `env:`, `$GITHUB_ENV`): what the preflight's own step sees too. */
  | { kind: 'inherited' }
  /** Set to the empty string by the step: the job's value never reaches Claude. */
  | { kind: 'empty'; why: string }
  /** Set by the step from something the preflight cannot read, as written in the workflow. */
  | { kind: 'step'; written: string; why: string }
  /** Set by the step from this action's own `oauth-token` output. */
  | { kind: 'output'; why: string }

export interface ClaudeStep {
  kind: 'claude-code-action' | 'claude-cli'
  /** For humans: `step 'Review' (#3) of job 'review'`. */
  label: string
  /** Its place in the job's `steps:`, from 0. */
  index: number
  /** The step's own `env:`, as written. */
  env: Record<string, string>
  /** The `uses:` reference, for claude-code-action. */
  uses?: string
  /** The step's `with:` inputs, as written. */
  inputs: Record<string, string>
  /** What each variable holds in Claude's process. */
  variable(name: string): StepValue
  /**
   * The variables whose value in Claude's process may differ from this step's own: the step's `env:`, the ones
   * claude-code-action sets from its inputs, and the ones only the preflight's own `env:` sets.
   */
  differing: string[]
  /** The last aws-actions/configure-aws-credentials step before it, whose session it inherits: its `with:` inputs. */
  awsLogin?: { label: string; inputs: Record<string, string> }
}

/**
 * claude-code-action's own step environment (its action.yml): each variable Claude's credential selection reads,
 * from which input. Since v1.0.146 (anthropics/claude-code-action#1342) an empty API key or OAuth token input falls
 * back to the job's value; before, and for every other input here, an input not given sets the variable to ''.
 */
const ACTION_INPUTS: ReadonlyArray<{ variable: string; input: string; fallsBack: boolean }> = [
  { variable: 'ANTHROPIC_API_KEY', input: 'anthropic_api_key', fallsBack: true },
  { variable: 'CLAUDE_CODE_OAUTH_TOKEN', input: 'claude_code_oauth_token', fallsBack: true },
  {
    variable: 'ANTHROPIC_FEDERATION_RULE_ID',
    input: 'anthropic_federation_rule_id',
    fallsBack: false
  },
  { variable: 'ANTHROPIC_ORGANIZATION_ID', input: 'anthropic_organization_id', fallsBack: false },
  {
    variable: 'ANTHROPIC_SERVICE_ACCOUNT_ID',
    input: 'anthropic_service_account_id',
    fallsBack: false
  },
  { variable: 'ANTHROPIC_WORKSPACE_ID', input: 'anthropic_workspace_id', fallsBack: false },
  { variable: 'ANTHROPIC_OIDC_AUDIENCE', input: 'anthropic_oidc_audience', fallsBack: false },
  { variable: 'CLAUDE_CODE_USE_BEDROCK', input: 'use_bedrock', fallsBack: false },
  { variable: 'CLAUDE_CODE_USE_VERTEX', input: 'use_vertex', fallsBack: false },
  { variable: 'CLAUDE_CODE_USE_FOUNDRY', input: 'use_foundry', fallsBack: false }
]

/** The first claude-code-action release whose empty credential inputs fall back to the job's environment. */
const FALLBACK_SINCE_PATCH = 146

const ACTION_USES = /^anthropics\/claude-code(?:-base)?-action(?:\/[^@]*)?@(.+)$/i

/**
 * Whether a claude-code-action reference falls back to the job's API key and OAuth token when its inputs are empty:
 * a moving major tag or branch follows the newest release; `v1.0.N` from N = 146; `v0`, `beta` and older never.
 * A commit SHA cannot be told apart without the network and is taken as recent.
 */
export function actionFallsBack(ref: string): boolean {
  const version = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(ref)
  if (version) {
    const [major, minor, patch] = [version[1], version[2], version[3]]
    if (Number(major) === 0) return false
    if (Number(major) > 1 || minor === undefined || Number(minor) > 0) return true
    return patch === undefined || Number(patch) >= FALLBACK_SINCE_PATCH
  }
  return !/^(beta|v0)/i.test(ref)
}

export const asText = (value: unknown): string | undefined =>
  typeof value === 'string'
    ? value
    : typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : undefined

export function textMap(value: unknown): Record<string, string> {
  const map: Record<string, string> = {}
  if (!value || typeof value !== 'object' || Array.isArray(value)) return map
  for (const [key, entry] of Object.entries(value)) {
    const text = asText(entry)
    if (text !== undefined) map[key] = text
  }
  return map
}

/** `${{ env.NAME }}` exactly: the step passes the job's own value on. */
const passesJobValue = (written: string, name: string) =>
  new RegExp(`^\\$\\{\\{\\s*env\\.${name}\\s*\\}\\}$`).test(written.trim())

/**
 * A shell line that starts the Claude CLI for a model run: `claude …`, `npx [-y] @anthropic-ai/claude-code …`, a path
 * to `claude`; not a subcommand that sends no model request (`claude mcp add`, `claude --version`, …).
 */
const CLAUDE_COMMAND =
  /^(?:(?:exec|time|command|env|timeout\s+\S+)\s+)*(?:[\w.~/-]*\/)?(?:claude|npx\s+(?:-y\s+|--yes\s+)?@anthropic-ai\/claude-code(?:@\S+)?)(?:\s|$)(?!\s*(?:mcp|config|doctor|update|install|migrate-installer|setup-token|plugin|--version|-v|--help|-h)(?:\s|$))/

/** Whether a `run:` script starts the Claude CLI in one of its commands. */
export function runsClaude(script: string): boolean {
  return script
    .split(/\n|&&|\|\||;|\|/)
    .map(command => command.trim().replace(/^(?:[A-Za-z_][A-Za-z0-9_]*=\S*\s+)+/, ''))
    .some(command => CLAUDE_COMMAND.test(command))
}

/** The longest step name or job id a label quotes: the workflow is not the action's own text. */
const NAME_MAX = 80

const quotedName = (name: string) => `'${inert(clipChars(name, NAME_MAX))}'`

/** For humans, one line whatever the workflow's names hold: `step 'Review' (#3) of job 'review'`. */
export function stepLabel(step: Record<string, unknown>, index: number, jobId: string): string {
  const name = asText(step.name) ?? asText(step.id)
  return `${name ? `step ${quotedName(name)} (#${index + 1})` : `step #${index + 1}`} of ${jobLabel(jobId)}`
}

/** `job 'review'`. */
export const jobLabel = (jobId: string) => `job ${quotedName(jobId)}`

/** The step's own `oauth-token` output, as another step's input or env value writes it. */
function outputOf(stepId: string | undefined, written: string): boolean {
  if (!stepId) return false
  const id = stepId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(
    `^\\$\\{\\{\\s*steps\\.${id}\\.outputs(?:\\.oauth-token|\\[\\s*['"]oauth-token['"]\\s*\\])\\s*\\}\\}$`
  ).test(written.trim())
}

/** What the job hands every step besides its own `env:`: the workflow's and the job's `env:`. */
interface JobContext {
  jobEnv: Record<string, string>
  /** The preflight step's own `env:`, which the Claude step does not see. */
  preflightEnv: Record<string, string>
  preflightId?: string
}

/**
 * What a variable holds for the Claude step given what the step itself sets (`value`): the job's value reaches it,
 * unless only the preflight's own step set it.
 */
function relativeToPreflight(
  value: StepValue,
  name: string,
  label: string,
  job: JobContext
): StepValue {
  if (value.kind === 'step' && outputOf(job.preflightId, value.written))
    return { kind: 'output', why: value.why }
  if (value.kind !== 'inherited' || job.preflightEnv[name] === undefined) return value
  const jobValue = job.jobEnv[name]
  if (jobValue === undefined)
    return {
      kind: 'empty',
      why: `${name} is set only in the preflight step's own env:, which ${label} does not see`
    }
  return {
    kind: 'step',
    written: jobValue,
    why: `the job's env ${name}, which the preflight step's own env: replaces`
  }
}

const differingNames = (
  stepEnv: Record<string, string>,
  job: JobContext,
  setByInputs: string[] = []
): string[] => [
  ...new Set([...Object.keys(stepEnv), ...setByInputs, ...Object.keys(job.preflightEnv)])
]

function actionStep(
  step: Record<string, unknown>,
  index: number,
  uses: string,
  ref: string,
  label: string,
  job: JobContext
): ClaudeStep {
  const inputs = textMap(step.with)
  const stepEnv = textMap(step.env)
  const fallsBack = actionFallsBack(ref)
  const own = (name: string): StepValue => {
    const row = ACTION_INPUTS.find(entry => entry.variable === name)
    if (!row) return cliValue(stepEnv, name, label)
    const given = (inputs[row.input] ?? '').trim()
    if (given) return { kind: 'step', written: given, why: `input ${row.input} of ${label}` }
    if (row.fallsBack && fallsBack) return cliValue(stepEnv, name, label)
    return {
      kind: 'empty',
      why: `${uses} sets ${name} from its input ${row.input}, which ${label} does not give${row.fallsBack ? ' (this version does not fall back to the job’s environment)' : ''}`
    }
  }
  return {
    kind: 'claude-code-action',
    label,
    index,
    env: stepEnv,
    uses,
    inputs,
    variable: name => relativeToPreflight(own(name), name, label, job),
    differing: differingNames(
      stepEnv,
      job,
      ACTION_INPUTS.map(row => row.variable)
    )
  }
}

function cliValue(stepEnv: Record<string, string>, name: string, label: string): StepValue {
  const written = stepEnv[name]
  if (written === undefined || passesJobValue(written, name)) return { kind: 'inherited' }
  if (written.trim() === '') return { kind: 'empty', why: `${label} sets ${name} to ''` }
  return { kind: 'step', written, why: `env ${name} of ${label}` }
}

const PREFLIGHT_USES = /(?:^|\/)claude-preflight(?:@|\/|$)/i

/**
 * The step of job `jobId` that runs Claude Code after this action's own step (`ownStepId`, the runner's
 * GITHUB_ACTION; else the step that uses claude-preflight), and what it hands Claude. `document` is the parsed workflow
 * file; anything that is not a workflow gives none.
 */
export function findClaudeStep(
  document: unknown,
  jobId: string,
  ownStepId?: string
): ClaudeStep | undefined {
  const workflow = document as { env?: unknown; jobs?: Record<string, unknown> } | null
  const job = workflow?.jobs?.[jobId] as { steps?: unknown; env?: unknown } | undefined
  if (!Array.isArray(job?.steps)) return undefined
  const steps = job.steps.map(raw =>
    raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {}
  )
  const byId = ownStepId === undefined ? -1 : steps.findIndex(step => asText(step.id) === ownStepId)
  const own =
    byId >= 0 ? byId : steps.findIndex(step => PREFLIGHT_USES.test(asText(step.uses) ?? ''))
  const context: JobContext = {
    jobEnv: { ...textMap(workflow?.env), ...textMap(job.env) },
    preflightEnv: own >= 0 ? textMap(steps[own]!.env) : {},
    ...(own >= 0 && asText(steps[own]!.id) !== undefined && { preflightId: asText(steps[own]!.id) })
  }
  let awsLogin: ClaudeStep['awsLogin']
  for (let index = 0; index < steps.length; index++) {
    const step = steps[index]!
    const label = stepLabel(step, index, jobId)
    const uses = asText(step.uses)?.trim()
    if (uses && AWS_LOGIN_USES.test(uses)) awsLogin = { label, inputs: textMap(step.with) }
    if (index <= own) continue
    const action = uses ? ACTION_USES.exec(uses) : null
    const withLogin = (found: ClaudeStep): ClaudeStep => ({
      ...found,
      ...(awsLogin && { awsLogin })
    })
    if (uses && action)
      return withLogin(actionStep(step, index, uses, action[1] as string, label, context))
    if (runsClaude(asText(step.run) ?? '')) {
      const stepEnv = textMap(step.env)
      return withLogin({
        kind: 'claude-cli',
        label,
        index,
        env: stepEnv,
        inputs: {},
        variable: name => relativeToPreflight(cliValue(stepEnv, name, label), name, label, context),
        differing: differingNames(stepEnv, context)
      })
    }
  }
  return undefined
}

/** https://github.com/aws-actions/configure-aws-credentials: assumes a role and exports its session to the job. */
const AWS_LOGIN_USES = /^aws-actions\/configure-aws-credentials@/i
