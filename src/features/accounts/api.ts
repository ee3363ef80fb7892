import { createApiRouter } from "../../api/openapi";

export const accountsApi = createApiRouter();
