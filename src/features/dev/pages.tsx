import { Hono } from "hono";
import type { AppEnv } from "../../env";

export const devPages = new Hono<AppEnv>();
