import { SECRET_INPUTS } from '../providers/secrets.js'
import { readCheckInputs, type CheckInputs } from './check.js'
import { plainInputsOf } from './declared.js'

/** The action's inputs that `claude-preflight check` takes as flags of the same name; it does not refresh. */
export const CHECK_FLAGS = [
  ...SECRET_INPUTS,
  ...plainInputsOf('check').filter(name => name !== 'force-refresh')
]

/**
 * Reads and validates the inputs of `claude-preflight check` from its flags, and returns them with the reader of a
 * single input (a flag not given is empty). Throws a UserError naming the first bad one.
 */
export function readCliCheckInputs(
  flags: Record<string, unknown>,
  env: NodeJS.ProcessEnv
): { inputs: CheckInputs; input: (name: string) => string } {
  const input = (name: string) => {
    const value = flags[name]
    if (typeof value === 'string') return value
    // A laptop has no job to outlast: no minimum unless asked.
    return name === 'min-remaining' ? '0s' : ''
  }
  return { inputs: readCheckInputs(input, env), input }
}
