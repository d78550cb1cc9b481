/** Two small SVG charts for the README, written by hand: no plotting library needed. */

const W = 640;
const H = 320;
const M = { left: 56, right: 16, top: 36, bottom: 44 };
const COLOURS = ['#7a869a', '#1d6fb8'];

const esc = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function frame(title: string, inner: string): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="${M.left}" y="20" font-size="14" font-weight="600">${esc(title)}</text>`,
    inner,
    '</svg>',
    '',
  ].join('\n');
}

function legend(names: readonly string[]): string {
  return names
    .map((name, i) => {
      const x = W - M.right - 150;
      const y = M.top + 6 + i * 16;
      return `<rect x="${x}" y="${y - 9}" width="12" height="12" fill="${COLOURS[i]}"/><text x="${x + 18}" y="${y + 1}">${esc(name)}</text>`;
    })
    .join('');
}

/** Cumulative distribution of latencies (ms), one line per series, up to their 99.5th percentile. */
export function latencyChart(
  title: string,
  series: { name: string; samples: readonly number[] }[],
): string {
  const cut = Math.max(...series.map((s) => s.samples[Math.floor(s.samples.length * 0.995)] ?? 1));
  const xMax = Math.ceil(cut / 5) * 5 || 5;
  const x = (ms: number) => M.left + (Math.min(ms, xMax) / xMax) * (W - M.left - M.right);
  const y = (f: number) => H - M.bottom - f * (H - M.top - M.bottom);
  const lines = series.map((s, i) => {
    const step = Math.max(1, Math.floor(s.samples.length / 400));
    const points = s.samples
      .filter((_, k) => k % step === 0)
      .map((ms, k) => `${x(ms).toFixed(1)},${y((k * step + 1) / s.samples.length).toFixed(1)}`);
    return `<polyline fill="none" stroke="${COLOURS[i]}" stroke-width="2" points="${points.join(' ')}"/>`;
  });
  const ticks = [0, 0.25, 0.5, 0.75, 1].map(
    (t) =>
      `<text x="${x(t * xMax)}" y="${H - M.bottom + 16}" text-anchor="middle">${Math.round(t * xMax)}</text>`,
  );
  const fractions = [0, 0.5, 0.99].map(
    (f) =>
      `<line x1="${M.left}" x2="${W - M.right}" y1="${y(f)}" y2="${y(f)}" stroke="#e3e6eb"/><text x="${M.left - 6}" y="${y(f) + 4}" text-anchor="end">p${Math.round(f * 100)}</text>`,
  );
  const axis = `<text x="${(W + M.left) / 2}" y="${H - 8}" text-anchor="middle">enqueue to published, ms</text>`;
  return frame(
    title,
    [...fractions, ...ticks, ...lines, axis, legend(series.map((s) => s.name))].join('\n'),
  );
}

/** Grouped bars: for each group, one bar per series. */
export function barChart(
  title: string,
  unit: string,
  groups: { label: string; values: number[] }[],
  names: readonly string[],
): string {
  const max = Math.max(...groups.flatMap((g) => g.values)) * 1.1 || 1;
  const band = (W - M.left - M.right) / groups.length;
  const bar = (band * 0.7) / names.length;
  const y = (v: number) => H - M.bottom - (v / max) * (H - M.top - M.bottom);
  const bars = groups.flatMap((group, g) =>
    group.values.map((value, i) => {
      const x = M.left + g * band + band * 0.15 + i * bar;
      return `<rect x="${x.toFixed(1)}" y="${y(value).toFixed(1)}" width="${(bar - 2).toFixed(1)}" height="${(H - M.bottom - y(value)).toFixed(1)}" fill="${COLOURS[i]}"/><text x="${(x + bar / 2).toFixed(1)}" y="${(y(value) - 4).toFixed(1)}" text-anchor="middle">${Math.round(value)}</text>`;
    }),
  );
  const labels = groups.map(
    (group, g) =>
      `<text x="${M.left + g * band + band / 2}" y="${H - M.bottom + 16}" text-anchor="middle">${esc(group.label)}</text>`,
  );
  const axis = `<text x="14" y="${(H + M.top) / 2}" transform="rotate(-90 14 ${(H + M.top) / 2})" text-anchor="middle">${esc(unit)}</text>`;
  return frame(title, [...bars, ...labels, axis, legend(names)].join('\n'));
}
