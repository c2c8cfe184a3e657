import type * as actionsCore from '@actions/core'

/** The part of @actions/core the action uses; passed in so tests can watch it. */
export type Core = Pick<
  typeof actionsCore,
  | 'getInput'
  | 'setOutput'
  | 'setSecret'
  | 'setFailed'
  | 'exportVariable'
  | 'saveState'
  | 'getState'
  | 'info'
  | 'notice'
  | 'warning'
  | 'error'
  | 'debug'
  | 'summary'
>
