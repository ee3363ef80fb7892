/**
 * The floor plan, enforced (`npm test` runs it; README "Architecture"):
 * - the ground floor (src/lib, src/db, src/domain, src/auth, src/api, src/views, src/jobs, src/urls.ts)
 *   imports no feature;
 * - a feature uses another feature only through that feature's public module (its index.ts);
 * - no import circles, so no feature depends on itself through others.
 * Composition roots (src/app.tsx, src/index.ts, src/scheduled.ts, src/cli) may import anything.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
	forbidden: [
		{
			name: "ground-floor-imports-no-feature",
			comment: "Shared building blocks sit below the features: move what two features share down, never reach up.",
			severity: "error",
			from: { path: "^src/(lib|db|domain|auth|api|views|jobs)/|^src/urls\\.ts$" },
			to: { path: "^src/features/" },
		},
		{
			name: "features-meet-through-public-modules",
			comment: "A feature offers others what its index.ts exports; its other files are its own business.",
			severity: "error",
			from: { path: "^src/features/([^/]+)/" },
			to: { path: "^src/features/[^/]+/", pathNot: ["^src/features/$1/", "^src/features/[^/]+/index\\.tsx?$"] },
		},
		{
			name: "no-circles",
			comment: "An import circle makes the floors meaningless: split the shared part out or move it down.",
			severity: "error",
			from: { path: "^src/" },
			to: { circular: true },
		},
	],
	options: {
		doNotFollow: { path: "node_modules" },
		// Type-only imports count: a circle of types is still a circle for a reader.
		tsPreCompilationDeps: true,
		enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js", ".mjs"] },
	},
};
