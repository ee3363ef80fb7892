import { Hono } from "hono";
import type { AppEnv } from "../../env";

export const institutionsPages = new Hono<AppEnv>();
