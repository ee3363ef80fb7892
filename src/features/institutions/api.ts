import { createApiRouter } from "../../api/openapi";

export const institutionsApi = createApiRouter();
