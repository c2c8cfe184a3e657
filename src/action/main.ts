import * as actionsCore from '@actions/core'
import type { Core } from '../common/core.js'
import { send, type HttpSend } from '../http/request.js'
import { readMainInputs } from '../inputs/main.js'
import { PLAIN_INPUTS } from '../inputs/declared.js'
import {
  jsonSecretStrings,
  redactKnownSecrets,
  SECRET_ENV_VARS,
  SECRET_INPUT_NAMES,
  SECRET_INPUTS
} from '../providers/secrets.js'
import { runCheck, type CheckReport } from '../check/run-check.js'
import { verdictMessage, summaryMarkdown } from '../report/main-report.js'
import { eventFacts, type EventFacts } from '../check/event.js'
import { checkGitHubSide, type GitHubReport } from '../check/github-check.js'
import { looksLikeSecret } from '../providers/shapes.js'
import { fingerprintOf } from '../providers/shapes.js'
import { oneLine, PREFIX, reasonOf, UserError } from '../common/errors.js'
import { inert } from '../common/inert.js'
import { refreshAfterCheck, type AfterCheck } from '../refresh/wire.js'
import {
  saveGitHubState,
  savePlatformState,
  savePreflightState,
  startState
} from '../state/index.js'
import { networkRecord } from '../secrets/network-env.js'
import { claudeRenewal, renewalPlans } from '../renew/plan.js'
import { secretsOf, type PlanContext } from '../renew/source.js'
import { startRenewer } from '../renew/start.js'
import { azureFederatedLogins } from '../cloud/foundry/entra.js'
import { deadlineOf } from '../renew/schedule.js'
import { saveRenewerBinding } from '../state/index.js'
import { appPermissionsOf, githubTokenRoute } from '../workflow/github-token.js'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'

export interface MainDeps {
  core: Core
  env: NodeJS.ProcessEnv
  send: HttpSend
  now: () => Date
  /** The renewer's bundle (default: dist/renewer/index.js beside this bundle's folder). */
  renewerEntry?: string
}

const isSecretInput = (name: string) => (SECRET_INPUTS as readonly string[]).includes(name)

export async function run(): Promise<void> {
  await main({ core: actionsCore, env: process.env, send, now: () => new Date() })
}

/**
 * Masks every secret given before anything else reads it: whole, trimmed, and line by line, since the runner matches
 * masks per line. A JSON document (pretty-printed `claude-credentials`) is masked by its secret values instead: its
 * lines are mostly structure (`"scopes": [`), whose masks would garble unrelated log lines.
 */
export function maskSecrets(core: Core, env: NodeJS.ProcessEnv): void {
  const values = [
    ...SECRET_INPUT_NAMES.map(name => core.getInput(name, { trimWhitespace: false })),
    ...SECRET_ENV_VARS.map(name => env[name] ?? '')
  ]
  for (const value of values) {
    const parts = jsonSecretStrings(value) ?? value.split(/\r?\n/).map(line => line.trim())
    for (const part of [value, value.trim(), ...parts]) {
      if (part.length >= 4) core.setSecret(part)
    }
  }
  // A secret pasted into an input that never holds one: masked too, before its input is refused.
  const plainValues = PLAIN_INPUTS.map(name => core.getInput(name))
  const baseUrls = [core.getInput('anthropic-base-url'), env.ANTHROPIC_BASE_URL ?? '']
  for (const value of [...plainValues, env.ANTHROPIC_BASE_URL ?? '']) {
    if (value.length >= 4 && looksLikeSecret(value)) core.setSecret(value)
  }
  // A password in a base URL is refused, but until then it is a secret like any other.
  for (const value of baseUrls) {
    const password = URL.parse(value.trim())?.password
    if (password) for (const part of [password, decodeOrKeep(password)]) core.setSecret(part)
  }
}

const decodeOrKeep = (text: string) => {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

export async function main(deps: MainDeps): Promise<void> {
  const { core, env } = deps
  // First, before anything can fail: the post step sends no token if these change after this step.
  startState(core, networkRecord(env))
  try {
    maskSecrets(core, env)
    // Secrets are read untrimmed so that a pasted newline can be removed and said.
    const input = (name: string) => core.getInput(name, { trimWhitespace: !isSecretInput(name) })
    const {
      check: inputs,
      github: githubInputs,
      refresh: refreshInputs,
      renew,
      renewCommand,
      githubApp
    } = readMainInputs(input, env)
    // What every renewal plan is asked with: the check's (which sources renew the credential) and the renewer's.
    const planning = { renewCommand, env, azureLogins: renew ? azureFederatedLogins(env) : [] }
    const report = await runCheck(
      inputs,
      { input, now: deps.now() },
      {
        ...deps,
        mask: secret => core.setSecret(secret),
        ...(renew && {
          renewedBy: selection => {
            const renewal = claudeRenewal({ selection, ...planning })
            return 'plan' in renewal ? renewal.plan.renewedBy : undefined
          }
        })
      }
    )
    const event = await eventFacts(env)
    const github = await checkGitHubSide(
      {
        inputs: githubInputs,
        policy: inputs,
        ...(report.claude && { claude: report.claude }),
        minRemaining: report.minRemaining,
        event
      },
      { ...deps, mask: secret => core.setSecret(secret) }
    )
    const claudeStep = report.selection.claudeStep
    if (refreshInputs.writeCredentialsFile && claudeStep?.kind === 'claude-code-action') {
      core.warning(
        `${PREFIX}: 'write-credentials-file' is on, but Claude runs in ${claudeStep.label} (claude-code-action), whose environment token always outranks a credentials file: the file does nothing for Claude there. Turn it off, or use it with a bare \`claude\` step.`
      )
    }
    const refresh = await refreshAfterCheck(report, refreshInputs, deps)
    const action = await publish({ report, github, event }, refresh, deps)
    if (renew) {
      const claude = report.claude
      const permissions = claude && appPermissionsOf(claude.step)
      const context: PlanContext = {
        selection: report.selection,
        ...planning,
        subscription: { refresh: refreshInputs, minRemaining: report.minRemaining },
        ...(claude && { github: githubTokenRoute(claude.step, claude.document, claude.job) }),
        ...(githubApp && { githubApp }),
        exchange: { url: githubInputs.exchangeUrl, ...(permissions && { permissions }) }
      }
      await startRenewal(report, { action, onExpiring: inputs.onExpiring }, context, deps)
    }
  } catch (error) {
    // A UserError before publishing is an input that could not be read; anything else is a fault of ours.
    if (error instanceof UserError) {
      core.setOutput('status', 'invalid-input')
      core.setOutput('valid', 'false')
    } else {
      core.debug(error instanceof Error ? (error.stack ?? error.message) : String(error))
    }
    core.setFailed(oneLine(error))
  }
}

interface Checked {
  report: CheckReport
  /** The GitHub side, when there was something to check. */
  github?: GitHubReport | undefined
  event: EventFacts
}

async function publish(checked: Checked, refresh: AfterCheck, deps: MainDeps): Promise<string> {
  const { core } = deps
  const { report, github } = checked
  const { verdict } = report
  const chosen = report.chosen
  for (const warning of report.selection.warnings) core.warning(`claude-preflight: ${warning}`)
  for (const { credential } of report.checked)
    for (const note of credential.notes) core.notice(`claude-preflight: ${note}`)
  const platform = report.selection.platform
  core.info(
    chosen
      ? `Claude Code will use the ${chosen.credential.label} from ${chosen.credential.from} (${fingerprintOf(chosen.credential)}); probing ${report.inputs.baseUrl}.`
      : platform
        ? `Claude Code will use ${platform.label} (${platform.variable}), on ${platform.credential}.`
        : 'No Claude credential found.'
  )

  const event = checked.event
  const redact = redactKnownSecrets(
    name => core.getInput(name, { trimWhitespace: false }),
    deps.env
  )
  // A failed refresh explains itself; the verdict it was meant to fix would only mislead.
  const message = refresh.error
    ? { title: 'Claude credential refresh failed', text: redact(oneLine(refresh.error)) }
    : verdictMessage(report, event, redact)
  // A credential minted again during the run has no end to say: its first one's is not the run's.
  const cloudExpiry = report.cloud?.renewal ? undefined : report.cloud?.expiresAt
  const expiresAt = chosen?.credential.expiresAt ?? cloudExpiry
  // Claude Code's AWS SDK reads the credentials' expiry from this variable, which configure-aws-credentials leaves
  // unset: then it knows when to stop trusting them (https://docs.aws.amazon.com/sdkref/latest/guide/feature-static-credentials.html).
  const expiryVariable = platform?.expiryVariable
  if (cloudExpiry && expiryVariable && !deps.env[expiryVariable])
    core.exportVariable(expiryVariable, cloudExpiry.toISOString())
  core.setOutput('credential', chosen?.credential.source ?? '')
  core.setOutput('status', verdict.status)
  core.setOutput('valid', String(verdict.status === 'valid'))
  core.setOutput('expires-at', expiresAt?.toISOString() ?? '')
  core.setOutput(
    'remaining-seconds',
    verdict.remainingMs === undefined ? '' : String(Math.floor(verdict.remainingMs / 1000))
  )
  core.setOutput('refreshed', String(refresh.outcome !== undefined))
  if (chosen?.credential.scheme === 'oauth' && chosen.credential.secret)
    core.setOutput('oauth-token', chosen.credential.secret)
  core.setOutput('github-token-status', github?.status ?? '')
  core.setOutput('github-token-expires-at', github?.expiresAt?.toISOString() ?? '')

  try {
    await core.summary
      .addRaw(summaryMarkdown(report, message, github && { ...github, text: redact(github.text) }))
      .write()
  } catch (error) {
    // No GITHUB_STEP_SUMMARY (an older or self-made runner): the verdict stands without its summary.
    core.warning(`${PREFIX}: could not write the job summary: ${inert(reasonOf(error))}`)
  }

  const action = refresh.error || verdict.action === 'refresh' ? 'fail' : verdict.action
  // Saved when Claude may run after this step: it passed, or it refreshed (a failed write-back still hands the
  // new token on, and the README's workflow runs Claude then).
  if (chosen && (action !== 'fail' || refresh.outcome)) {
    savePreflightState(core, {
      source: chosen.credential.source,
      from: chosen.credential.from,
      label: chosen.credential.label,
      fingerprint: fingerprintOf(chosen.credential),
      expiresAt,
      checkedAt: report.checkedAt,
      status: verdict.status
    })
  }
  const jobLimitMs =
    report.minRemaining.from === 'timeout-minutes' ? report.minRemaining.ms : undefined
  if (platform && report.cloud) {
    savePlatformState(core, {
      id: platform.id,
      status: verdict.status,
      expiresAt: cloudExpiry,
      checkedAt: report.checkedAt,
      jobLimitMs,
      warned: verdict.status === 'expiring'
    })
  }
  if (github) {
    saveGitHubState(core, {
      label: github.label,
      status: github.status,
      expiresAt: github.expiresAt,
      checkedAt: github.checkedAt,
      jobLimitMs,
      warned: github.action !== 'pass'
    })
  }
  announce(core, action, message)
  if (github) {
    for (const warning of github.warnings) core.warning(`${PREFIX}: ${redact(warning)}`)
    announce(core, github.action, { title: github.title, text: redact(github.text) })
  }
  return action
}

/**
 * dist/renewer/index.js beside this bundle's folder. Put together at run time: ncc would take a `new URL('…',
 * import.meta.url)` for an asset of its own and copy it under another name.
 */
function renewerBundle(): string {
  const parts = ['renewer', 'index.js']
  return join(dirname(dirname(fileURLToPath(import.meta.url))), ...parts)
}

/**
 * Input `renew`: starts one renewer for every credential of the run that can be renewed from the job, when the check
 * let the run go on, and points each consumer at the file it keeps fresh; one notice says what is not renewed, and why.
 */
async function startRenewal(
  report: CheckReport,
  { action, onExpiring }: { action: string; onExpiring: string },
  context: PlanContext,
  deps: MainDeps
): Promise<void> {
  const { core } = deps
  const { planned, unrenewed } = renewalPlans(context)
  for (const why of unrenewed)
    core.notice(
      `${PREFIX}: 'renew' is on, but ${planned.length ? 'this is not renewed' : 'no renewer is started'}: ${why}.`
    )
  if (!planned.length) return
  if (action === 'fail') {
    core.notice(`${PREFIX}: 'renew' is on, but the renewer is not started: the check failed.`)
    return
  }
  for (const { plan } of planned)
    for (const warning of plan.warnings) core.warning(`${PREFIX}: ${warning}`)
  // The job's OIDC request token, which a source hands the renewer: masked here, where the check may not have used it.
  const requestToken = deps.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
  if (requestToken) core.setSecret(requestToken)
  const jobLimitMs =
    report.minRemaining.from === 'timeout-minutes' ? report.minRemaining.ms : undefined
  const outcome = await startRenewer(planned, {
    env: deps.env,
    node: process.execPath,
    entry: deps.renewerEntry ?? renewerBundle(),
    deadline: deadlineOf(report.checkedAt.getTime(), jobLimitMs)
  })
  if ('problem' in outcome) {
    const text = `${PREFIX}: the renewer did not start, so no credential is renewed during the run: ${inert(outcome.problem)}`
    // The check did not call the credential Claude Code uses expiring because the renewal would keep it fresh.
    const counted = planned.some(({ source }) => source.renews === 'claude')
    announce(core, counted && onExpiring !== 'warn' ? 'fail' : 'warn', {
      title: 'Credential renewal did not start',
      text: counted
        ? `${text}. The check counted on it: the credential may end during the run (set 'on-expiring: warn' to go on regardless).`
        : text
    })
    return
  }
  const { started } = outcome
  saveRenewerBinding(core, { dir: started.dir, pid: started.pid, nonce: started.nonce })
  // The runner masks only what this step prints: the first credentials are masked here, the renewer's later ones by
  // post.
  for (const { source } of planned) {
    const content = await readFile(started.files[source.kind]!, 'utf8')
    for (const secret of secretsOf(source, content)) core.setSecret(secret)
  }
  // What a hand-off says names paths from the environment (HOME, CLAUDE_CONFIG_DIR, RUNNER_TEMP, the workspace).
  const saying: Core = {
    ...core,
    info: text => core.info(inert(text)),
    notice: (text, properties) => core.notice(inert(String(text)), properties),
    warning: (text, properties) => core.warning(inert(String(text)), properties)
  }
  for (const { source } of planned)
    await source.handOff(started.files[source.kind]!, {
      core: saying,
      env: deps.env,
      pid: started.pid
    })
}

/** The verdict's one annotation, titled (setFailed would add a second, untitled one). */
function announce(core: Core, action: string, message: { title: string; text: string }): void {
  if (action === 'fail') {
    core.error(message.text, { title: message.title })
    process.exitCode = 1
  } else if (action === 'warn') {
    core.warning(message.text, { title: message.title })
  } else {
    core.info(message.text)
  }
}
