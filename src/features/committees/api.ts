import { createApiRouter } from "../../api/openapi";

export const committeesApi = createApiRouter();
