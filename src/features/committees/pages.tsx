import { Hono } from "hono";
import type { AppEnv } from "../../env";

export const committeesPages = new Hono<AppEnv>();
