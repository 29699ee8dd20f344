import "server-only";
import { z } from "zod";
import { readSetting, writeSetting } from "@/db/team-queries";

// The model list of an OpenAI-compatible server (GET {base}/models), imported
// by a catalog refresh so every model it serves can be picked, not only those
// named in OPENAI_COMPATIBLE_MODELS.

const SETTING_KEY = "openai-compatible-imported-models";
const listSchema = z.object({ data: z.array(z.object({ id: z.string().min(1).max(200) })).max(1000) });
const storedSchema = z.array(z.string());

export function parseOpenAiModelList(json: unknown): string[] | null {
  const parsed = listSchema.safeParse(json);
  return parsed.success ? [...new Set(parsed.data.data.map((m) => m.id))] : null;
}

export async function readImportedOpenAiCompatibleModels(): Promise<string[]> {
  const parsed = storedSchema.safeParse(await readSetting(SETTING_KEY));
  return parsed.success ? parsed.data : [];
}

export async function saveImportedOpenAiCompatibleModels(ids: string[]): Promise<void> {
  await writeSetting(SETTING_KEY, ids);
}
