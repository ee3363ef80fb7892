import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { currentActor, requireAuth, requireSignedInPage } from "../../auth/guard";
import { type Action, can } from "../../auth/policy";
import { authorizedSeries } from "../../domain/edition-access";
import type { Option } from "../../domain/fields";
import type { AppEnv } from "../../env";
import { notFound } from "../../lib/errors";
import { lecturesConsoleUrl, seriesConsoleUrl } from "../../urls";
import { type FailedForm, noticeFrom, submitForm, withNotice } from "../../views/form-flow";
import { authorizedInstitution, institutionResource, listMyInstitutions } from "../institutions";
import { LecturePage, LecturesPage, NewSeriesPage, SeriesDetailsPage } from "./console-views";
import { createNamedLecture, findNamedLecture, listNamedLectures, updateNamedLecture } from "./lectures";
import { NOTICES } from "./notices";
import { CreateSeriesSchema, NamedLectureInputSchema, SeriesDetailsSchema } from "./schemas";
import { createSeries, updateSeries } from "./series";

type Ctx = Context<AppEnv>;

/**
 * The signed-in user's institutions on whose behalf the policy lets them do `action` (start a
 * series, propose to host), as choices of a select.
 */
export async function institutionChoices(c: Ctx, action: Action): Promise<Option[]> {
	const { user } = requireAuth(c);
	const [actor, mine] = await Promise.all([currentActor(c), listMyInstitutions(c.var.db, user.id)]);
	return mine
		.filter(({ institution }) => can(actor, action, institutionResource(institution.id)))
		.map(({ institution }) => ({ value: institution.id, label: institution.name }));
}

async function renderNewSeries(c: Ctx, failed?: FailedForm, status: ContentfulStatusCode = 200) {
	const institutions = await institutionChoices(c, "series.create");
	return c.html(<NewSeriesPage user={requireAuth(c).user} institutions={institutions} failed={failed} />, status);
}

async function renderDetails(c: Ctx, failed?: FailedForm, status: ContentfulStatusCode = 200) {
	const { series } = await authorizedSeries(c, "series.update", c.req.param("slug") ?? "");
	return c.html(
		<SeriesDetailsPage user={requireAuth(c).user} series={series} failed={failed} notice={noticeFrom(c)} />,
		status,
	);
}

async function renderLectures(c: Ctx, failed?: FailedForm, status: ContentfulStatusCode = 200) {
	const { series } = await authorizedSeries(c, "series.update", c.req.param("slug") ?? "");
	const lectures = await listNamedLectures(c.var.db, series.id);
	return c.html(
		<LecturesPage
			user={requireAuth(c).user}
			series={series}
			lectures={lectures}
			failed={failed}
			notice={noticeFrom(c)}
		/>,
		status,
	);
}

async function renderLecture(c: Ctx, failed?: FailedForm, status: ContentfulStatusCode = 200) {
	const { series } = await authorizedSeries(c, "series.update", c.req.param("slug") ?? "");
	const lecture = await findNamedLecture(c.var.db, series.id, c.req.param("lectureId") ?? "");
	if (!lecture) throw notFound("This named lecture");
	return c.html(<LecturePage user={requireAuth(c).user} series={series} lecture={lecture} failed={failed} />, status);
}

/**
 * The console pages of a series: starting one (owners and admins of an institution), its details
 * and its named lectures (stewards). Forms work without JavaScript.
 */
export const seriesConsolePages = new Hono<AppEnv>()
	// Only this module's paths: other features own other pages below /console/series/:slug.
	.use("/console/series/new", requireSignedInPage)
	.use("/console/series/:slug", requireSignedInPage)
	.use("/console/series/:slug/lectures", requireSignedInPage)
	.use("/console/series/:slug/lectures/*", requireSignedInPage)
	// Registered before /console/series/:slug, which would otherwise take "new" for a slug
	// (the slug "new" is reserved for this reason).
	.get("/console/series/new", (c) => renderNewSeries(c))
	.post("/console/series/new", (c) =>
		submitForm(c, {
			form: "series",
			schema: CreateSeriesSchema,
			run: async (input) => {
				await authorizedInstitution(c, "series.create", input.institutionId);
				return createSeries(c.var.db, { series: input, stewardId: requireAuth(c).user.id });
			},
			redirectTo: (series) => withNotice(seriesConsoleUrl(series), NOTICES.series_created),
			rerender: (failed, status) => renderNewSeries(c, failed, status),
		}),
	)
	.get("/console/series/:slug", (c) => renderDetails(c))
	.post("/console/series/:slug", async (c) => {
		const { series } = await authorizedSeries(c, "series.update", c.req.param("slug"));
		return submitForm(c, {
			form: "details",
			schema: SeriesDetailsSchema,
			run: (data) => updateSeries(c.var.db, { id: series.id, details: data }),
			redirectTo: () => withNotice(seriesConsoleUrl(series), "updated"),
			rerender: (failed, status) => renderDetails(c, failed, status),
		});
	})
	.get("/console/series/:slug/lectures", (c) => renderLectures(c))
	.post("/console/series/:slug/lectures", async (c) => {
		const { series } = await authorizedSeries(c, "series.update", c.req.param("slug"));
		return submitForm(c, {
			form: "lecture",
			schema: NamedLectureInputSchema,
			run: (data) => createNamedLecture(c.var.db, { seriesId: series.id, lecture: data }),
			redirectTo: () => withNotice(lecturesConsoleUrl(series), "added"),
			rerender: (failed, status) => renderLectures(c, failed, status),
		});
	})
	.get("/console/series/:slug/lectures/:lectureId", (c) => renderLecture(c))
	.post("/console/series/:slug/lectures/:lectureId", async (c) => {
		const { series } = await authorizedSeries(c, "series.update", c.req.param("slug"));
		const lectureId = c.req.param("lectureId");
		return submitForm(c, {
			form: "lecture",
			schema: NamedLectureInputSchema,
			run: (data) => updateNamedLecture(c.var.db, { seriesId: series.id, lectureId, lecture: data }),
			redirectTo: () => withNotice(lecturesConsoleUrl(series), "updated"),
			rerender: (failed, status) => renderLecture(c, failed, status),
		});
	});
