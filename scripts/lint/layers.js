// The folders of src/ form layers, lowest first: a file may import from its own folder and from folders of lower
// layers only, so folder-level imports form a DAG (docs/architecture.md says what each folder holds). Folders in one
// layer do not import each other. Files directly in src/ are the entry points, above everything.
import { dirname, join, relative, resolve, sep } from 'node:path'

export const LAYERS = [
  ['common'],
  ['http', 'files', 'lifetime'],
  ['workflow'],
  ['providers'],
  ['probe'],
  ['policy'],
  ['state'],
  ['github'],
  ['cloud'],
  ['secrets'],
  ['inputs'],
  ['check'],
  ['refresh'],
  ['renew'],
  ['scan'],
  ['report'],
  ['action', 'cli'],
  ['.']
]

/** The folder of src/ a file is in (`.` for src/ itself), or undefined outside src/. */
function folderOf(file, srcRoot) {
  const path = relative(srcRoot, file)
  if (path.startsWith('..') || path === '') return undefined
  const parts = path.split(sep)
  return parts.length === 1 ? '.' : parts[0]
}

const layerOf = folder => LAYERS.findIndex(layer => layer.includes(folder))

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'imports follow the layers of src/ (scripts/lint/layers.js)' },
    schema: [],
    messages: {
      upward:
        'src/{{from}}/ may not import from src/{{to}}/: {{to}} is not in a lower layer (scripts/lint/layers.js). Move the shared code down, or pass it in.',
      unknown:
        'src/{{folder}}/ is in no layer: add it to LAYERS in scripts/lint/layers.js, where it belongs.',
      computed:
        'an import() of a computed path cannot be checked against the layers (scripts/lint/layers.js): import a literal path.'
    }
  },
  create(context) {
    const file = context.filename
    const srcRoot = resolve(context.cwd, 'src')
    const from = folderOf(file, srcRoot)
    if (from === undefined) return {}
    const check = (node, specifier) => {
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return
      const to = folderOf(join(dirname(file), specifier), srcRoot)
      if (to === undefined || to === from) return
      for (const folder of [from, to]) {
        if (layerOf(folder) < 0) {
          context.report({ node, messageId: 'unknown', data: { folder } })
          return
        }
      }
      if (layerOf(to) >= layerOf(from))
        context.report({ node, messageId: 'upward', data: { from, to } })
    }
    /** The path a module specifier names: a string, or a template without expressions; undefined when computed. */
    const pathOf = source =>
      source?.type === 'Literal'
        ? source.value
        : source?.type === 'TemplateLiteral' && source.expressions.length === 0
          ? source.quasis[0]?.value.cooked
          : undefined
    const declaration = node => node.source && check(node.source, pathOf(node.source))
    return {
      ImportDeclaration: declaration,
      ExportNamedDeclaration: declaration,
      ExportAllDeclaration: declaration,
      ImportExpression(node) {
        const path = pathOf(node.source)
        if (path === undefined) context.report({ node, messageId: 'computed' })
        else check(node.source, path)
      },
      // `import('../x.js').Type` in a type: typescript-eslint 8 puts the path in `argument` (a literal type).
      TSImportType(node) {
        const literal = node.argument?.literal ?? node.source
        check(node, pathOf(literal))
      }
    }
  }
}

export default { rules: { 'layered-imports': rule } }
