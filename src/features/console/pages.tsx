import { Hono } from "hono";
import type { AppEnv } from "../../env";

export const consolePages = new Hono<AppEnv>();
