/**
 * Server-rendered SVG charts, small pure code (no DOM, no script, no inline style: the CSP stays
 * strict). Each chart is an image with its title and description (`role="img"`, `<title>`,
 * `<desc>`) and a data table beside it holding the same numbers, for screen readers and for
 * anyone who wants the exact figures.
 */
import type { Bar } from "./statistics";

const WIDTH = 640;
const HEIGHT = 240;
const PAD = { top: 16, right: 16, bottom: 56, left: 44 };
const PLOT_W = WIDTH - PAD.left - PAD.right;
const PLOT_H = HEIGHT - PAD.top - PAD.bottom;

/** A round maximum for the axis (1, 2, 5 × 10^n) at or above `max`. */
export function niceMax(max: number): number {
	if (max <= 0) return 1;
	const power = 10 ** Math.floor(Math.log10(max));
	for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
	return 10 * power;
}

const round = (n: number) => Math.round(n * 10) / 10;
const short = (label: string) => (label.length > 12 ? `${label.slice(0, 11)}…` : label);

function Axis({ max }: { max: number }) {
	const y = (v: number) => round(PAD.top + PLOT_H - (v / max) * PLOT_H);
	return (
		<g class="axis">
			{[0, max / 2, max].map((v) => (
				<>
					<line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(v)} y2={y(v)} class="grid" />
					<text x={PAD.left - 6} y={y(v) + 4} text-anchor="end">
						{String(round(v))}
					</text>
				</>
			))}
		</g>
	);
}

function Frame(props: { id: string; title: string; desc: string; crowded?: boolean; children: unknown }) {
	return (
		<svg
			class={props.crowded ? "chart crowded" : "chart"}
			viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
			role="img"
			aria-labelledby={`${props.id}-title ${props.id}-desc`}
			xmlns="http://www.w3.org/2000/svg"
		>
			<title id={`${props.id}-title`}>{props.title}</title>
			<desc id={`${props.id}-desc`}>{props.desc}</desc>
			{props.children}
		</svg>
	);
}

/** Vertical bars, one per item, heights proportional to the values, the label under each bar. */
export function BarChart({ id, title, bars }: { id: string; title: string; bars: readonly Bar[] }) {
	const max = niceMax(Math.max(0, ...bars.map((b) => b.value)));
	const slot = PLOT_W / Math.max(1, bars.length);
	const width = round(Math.min(48, slot * 0.7));
	const crowded = slot < 64;
	const desc = bars.map((b) => `${b.label}: ${b.value}`).join("; ");
	return (
		<Frame id={id} title={title} desc={desc || "No data yet."} crowded={crowded}>
			<Axis max={max} />
			{bars.map((bar, i) => {
				const height = round((bar.value / max) * PLOT_H);
				const x = round(PAD.left + slot * i + (slot - width) / 2);
				return (
					<g class="bar-group">
						<rect
							class="bar"
							x={x}
							y={round(PAD.top + PLOT_H - height)}
							width={width}
							height={height}
							data-value={bar.value}
						>
							<title>{`${bar.label}: ${bar.value}`}</title>
						</rect>
						{crowded ? (
							// Many bars (countries): labels slanted, so neighbours do not run into each other.
							<text
								class="label"
								x={round(x + width / 2)}
								y={HEIGHT - PAD.bottom + 10}
								text-anchor="end"
								transform={`rotate(-45 ${round(x + width / 2)} ${HEIGHT - PAD.bottom + 10})`}
							>
								{short(bar.label)}
							</text>
						) : (
							<text class="label" x={round(x + width / 2)} y={HEIGHT - PAD.bottom + 16} text-anchor="middle">
								{short(bar.label)}
							</text>
						)}
					</g>
				);
			})}
		</Frame>
	);
}

/** A cumulative line over days: one point per day with registrations, the first and last day labelled. */
export function LineChart({
	id,
	title,
	points,
}: {
	id: string;
	title: string;
	points: readonly { day: string; total: number }[];
}) {
	const max = niceMax(Math.max(0, ...points.map((p) => p.total)));
	const x = (i: number) => round(PAD.left + (points.length <= 1 ? PLOT_W / 2 : (i / (points.length - 1)) * PLOT_W));
	const y = (v: number) => round(PAD.top + PLOT_H - (v / max) * PLOT_H);
	const path = points.map((p, i) => `${i === 0 ? "M" : "L"}${x(i)},${y(p.total)}`).join(" ");
	const first = points[0];
	const last = points.at(-1);
	const desc =
		first && last ? `From ${first.total} on ${first.day} to ${last.total} on ${last.day}.` : "No registrations yet.";
	return (
		<Frame id={id} title={title} desc={desc}>
			<Axis max={max} />
			{points.length > 0 ? <path class="line" d={path} fill="none" /> : null}
			{first ? (
				<text class="label" x={x(0)} y={HEIGHT - PAD.bottom + 16} text-anchor="start">
					{first.day}
				</text>
			) : null}
			{last && points.length > 1 ? (
				<text class="label" x={x(points.length - 1)} y={HEIGHT - PAD.bottom + 16} text-anchor="end">
					{last.day}
				</text>
			) : null}
		</Frame>
	);
}

/** The numbers of a chart as a table (its caption the chart's title). */
export function DataTable({
	caption,
	head,
	rows,
}: {
	caption: string;
	head: [string, string];
	rows: readonly [string, string | number][];
}) {
	// Folded: a day-by-day table runs to hundreds of rows; the chart above says the same at a glance.
	return (
		<details class="chart-data">
			<summary>The figures: {caption}</summary>
			<table>
				<caption>{caption}</caption>
				<thead>
					<tr>
						<th scope="col">{head[0]}</th>
						<th scope="col">{head[1]}</th>
					</tr>
				</thead>
				<tbody>
					{rows.map(([label, value]) => (
						<tr>
							<th scope="row">{label}</th>
							<td>{String(value)}</td>
						</tr>
					))}
				</tbody>
			</table>
		</details>
	);
}
