// The runner protocol for the main step, without @actions/core: importing @actions/core evaluates undici (for
// OIDC, which this action never uses) and doubles the main step's cold start (npm run bench). This module writes
// exactly what @actions/core 3 writes for the calls the main step makes; __tests__/runner-core.test.ts checks it
// byte for byte against @actions/core. The post step, with no start-up budget, uses @actions/core itself.
import { appendFileSync, existsSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import { EOL } from 'node:os'
import type { Core } from '../common/core.js'

type Properties = {
  title?: string
  file?: string
  startLine?: number
  endLine?: number
  startColumn?: number
  endColumn?: number
}

const escapeData = (text: string) =>
  text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
const asText = (value: unknown) =>
  value === null || value === undefined
    ? ''
    : typeof value === 'string'
      ? value
      : JSON.stringify(value)

function command(name: string, properties: Record<string, unknown>, message: string): void {
  const props = Object.entries(properties)
    .filter(([, value]) => value)
    .map(([key, value]) => `${key}=${escapeProperty(asText(value))}`)
    .join(',')
  process.stdout.write(`::${name}${props ? ` ${props}` : ''}::${escapeData(message)}${EOL}`)
}

/** @actions/core's names for annotation properties. */
function annotation(properties: Properties = {}): Record<string, unknown> {
  return {
    title: properties.title,
    file: properties.file,
    line: properties.startLine,
    endLine: properties.endLine,
    col: properties.startColumn,
    endColumn: properties.endColumn
  }
}

function fileCommand(kind: 'OUTPUT' | 'ENV' | 'STATE', key: string, value: unknown): boolean {
  const path = process.env[`GITHUB_${kind}`]
  if (!path) return false
  if (!existsSync(path)) throw new Error(`Missing file at path: ${path}`)
  const delimiter = `ghadelimiter_${randomUUID()}`
  const text = asText(value)
  if (key.includes(delimiter) || text.includes(delimiter))
    throw new Error('Unexpected input: contains the delimiter')
  appendFileSync(path, `${key}<<${delimiter}${EOL}${text}${EOL}${delimiter}${EOL}`, {
    encoding: 'utf8'
  })
  return true
}

const message = (value: string | Error) => (value instanceof Error ? value.toString() : value)

class Summary {
  private buffer = ''
  addRaw(text: string, addEOL = false): this {
    this.buffer += text + (addEOL ? EOL : '')
    return this
  }
  async write(): Promise<this> {
    const path = process.env.GITHUB_STEP_SUMMARY
    if (!path)
      throw new Error(
        'Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.'
      )
    appendFileSync(path, this.buffer, { encoding: 'utf8' })
    this.buffer = ''
    return this
  }
}

export const runnerCore = {
  getInput(name: string, options?: { required?: boolean; trimWhitespace?: boolean }): string {
    const value = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? ''
    if (options?.required && !value) throw new Error(`Input required and not supplied: ${name}`)
    return options?.trimWhitespace === false ? value : value.trim()
  },
  setOutput(name: string, value: unknown): void {
    if (!fileCommand('OUTPUT', name, value)) {
      process.stdout.write(EOL)
      command('set-output', { name }, asText(value))
    }
  },
  setSecret(secret: string): void {
    command('add-mask', {}, secret)
  },
  setFailed(text: string | Error): void {
    process.exitCode = 1
    runnerCore.error(text)
  },
  exportVariable(name: string, value: unknown): void {
    process.env[name] = asText(value)
    if (!fileCommand('ENV', name, value)) command('set-env', { name }, asText(value))
  },
  saveState(name: string, value: unknown): void {
    if (!fileCommand('STATE', name, value)) command('save-state', { name }, asText(value))
  },
  getState(name: string): string {
    return process.env[`STATE_${name}`] ?? ''
  },
  info(text: string): void {
    process.stdout.write(text + EOL)
  },
  debug(text: string): void {
    command('debug', {}, text)
  },
  notice(text: string | Error, properties?: Properties): void {
    command('notice', annotation(properties), message(text))
  },
  warning(text: string | Error, properties?: Properties): void {
    command('warning', annotation(properties), message(text))
  },
  error(text: string | Error, properties?: Properties): void {
    command('error', annotation(properties), message(text))
  },
  summary: new Summary()
} as unknown as Core
