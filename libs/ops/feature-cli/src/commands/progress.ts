/** `\r[#######.............] 35/100 files` for a terminal, redrawn in place. */
export function progressBar(done: number, total: number, unit: string, width = 30): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${unit}`;
}
