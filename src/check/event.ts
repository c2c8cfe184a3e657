import { readFile } from 'node:fs/promises'

/**
 * What the event tells about what the job gets (https://docs.github.com/en/actions/security-for-github-actions/security-guides/using-secrets-in-github-actions):
 * forks and Dependabot get no secrets, and a pull request from a fork gets no OIDC token.
 */
export interface EventFacts {
  name?: string
  actor?: string
  /** The run has a fork's code and so no secrets: a pull request event from a fork. */
  fromFork?: boolean
  /** The pull request's head is a fork's, whatever the event (pull_request_target included). */
  forkHead?: boolean
}

/** Events that run with a fork's code, and so without secrets, when the pull request comes from a fork. */
const FORK_EVENTS = ['pull_request', 'pull_request_review', 'pull_request_review_comment']

/** The event's facts, from the runner's environment and its event file; never throws. */
export async function eventFacts(env: NodeJS.ProcessEnv): Promise<EventFacts> {
  const facts: EventFacts = {
    ...(env.GITHUB_EVENT_NAME && { name: env.GITHUB_EVENT_NAME }),
    ...(env.GITHUB_ACTOR && { actor: env.GITHUB_ACTOR })
  }
  const name = env.GITHUB_EVENT_NAME ?? ''
  if (!env.GITHUB_EVENT_PATH || !(FORK_EVENTS.includes(name) || name === 'pull_request_target'))
    return facts
  try {
    const event = JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8')) as {
      pull_request?: { head?: { repo?: { fork?: boolean } } }
    }
    const forkHead = event.pull_request?.head?.repo?.fork === true
    // pull_request_target runs in the base repository and does get secrets.
    return { ...facts, forkHead, fromFork: forkHead && FORK_EVENTS.includes(name) }
  } catch {
    return facts
  }
}
