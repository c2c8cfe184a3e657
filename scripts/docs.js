// `npm run docs`: writes the inputs and outputs tables of README.md from action.yml, between the markers
// `<!-- inputs:start -->` / `<!-- inputs:end -->` and `<!-- outputs:start -->` / `<!-- outputs:end -->`.
// `npm run docs -- --check` writes nothing and exits 1 when README.md differs from what action.yml generates;
// __tests__/docs.test.ts runs the same comparison in CI. The tables are formatted with the project's prettier
// settings, so `npm run format` leaves them as generated.
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'
import { parse } from 'yaml'
import * as prettier from 'prettier'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')

/**
 * @typedef {{ description?: unknown, default?: unknown, required?: unknown }} InputSpec
 * @typedef {{ inputs?: Record<string, InputSpec>, outputs?: Record<string, { description?: unknown }> }} ActionSpec
 */

/** @param {string} text */
function cell(text) {
  return text.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|')
}

/** A value shown as code; backticks inside become a longer fence. @param {string} text */
function code(text) {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``
}

/** @param {string} yamlText @returns {ActionSpec} */
export function parseAction(yamlText) {
  return /** @type {ActionSpec} */ (parse(yamlText))
}

/** The markdown table of inputs, unformatted. @param {ActionSpec} action */
export function inputsTable(action) {
  const rows = Object.entries(action.inputs ?? {}).map(([name, spec]) => {
    const value = spec.default === undefined ? undefined : String(spec.default)
    const shown = value === undefined ? '(none)' : value === '' ? '`""`' : code(value)
    const required = spec.required === true ? ' (required)' : ''
    return `| \`${name}\`${required} | ${cell(String(spec.description ?? ''))} | ${cell(shown)} |`
  })
  return ['| input | description | default |', '| --- | --- | --- |', ...rows].join('\n')
}

/** The markdown table of outputs, unformatted. @param {ActionSpec} action */
export function outputsTable(action) {
  const rows = Object.entries(action.outputs ?? {}).map(
    ([name, spec]) => `| \`${name}\` | ${cell(String(spec.description ?? ''))} |`
  )
  return ['| output | description |', '| --- | --- |', ...rows].join('\n')
}

/** The project's prettier options for a markdown fragment. */
async function markdownOptions() {
  const config = (await prettier.resolveConfig(join(ROOT, 'README.md'))) ?? {}
  return { ...config, parser: 'markdown' }
}

/** Formats a markdown fragment the way `prettier --write README.md` would. @param {string} markdown */
export async function formatMarkdown(markdown) {
  return (await prettier.format(markdown, await markdownOptions())).trimEnd()
}

/**
 * README with its generated sections replaced. Throws when a marker pair is missing.
 * @param {string} readme
 * @param {string} actionYml
 */
export async function renderReadme(readme, actionYml) {
  const action = parseAction(actionYml)
  const sections = {
    inputs: await formatMarkdown(inputsTable(action)),
    outputs: await formatMarkdown(outputsTable(action))
  }
  let text = readme
  for (const [name, table] of Object.entries(sections)) {
    const start = `<!-- ${name}:start -->`
    const end = `<!-- ${name}:end -->`
    const from = text.indexOf(start)
    const to = text.indexOf(end)
    if (from < 0 || to < from) {
      throw new Error(`README.md has no '${start}' … '${end}' pair for the ${name} table`)
    }
    text = `${text.slice(0, from + start.length)}\n\n${table}\n\n${text.slice(to)}`
  }
  return text
}

async function main() {
  const check = process.argv.includes('--check')
  const readmePath = join(ROOT, 'README.md')
  const readme = readFileSync(readmePath, 'utf8')
  const next = await renderReadme(readme, readFileSync(join(ROOT, 'action.yml'), 'utf8'))
  if (next === readme) {
    console.log('README.md: the inputs and outputs tables match action.yml.')
    return
  }
  if (check) {
    console.error(
      "README.md: the inputs/outputs tables differ from action.yml; run 'npm run docs' and commit README.md."
    )
    process.exitCode = 1
    return
  }
  writeFileSync(readmePath, next)
  console.log('README.md: wrote the inputs and outputs tables from action.yml.')
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main()
