// Markdown shared by the main step's and the post step's reports.

/** Text for one table cell: a `|` would end the cell, a newline the row. */
export function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}
