// Typed view of the shared runner (scripts/lib/runner.js), which the demo and the bench use too.
import { runAction, newJob, parseCommandFile, ACTION_NODE } from '../../scripts/lib/runner.js'

export { runAction, newJob, parseCommandFile, ACTION_NODE }
export type Job = ReturnType<typeof newJob>
export type RunResult = Awaited<ReturnType<typeof runAction>>
