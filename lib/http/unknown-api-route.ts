import { AppError } from "./app-error";

export async function unknownApiRoute(request: Request): Promise<Response> {
  return new AppError("not_found", `No API route at ${new URL(request.url).pathname.slice(0, 200)}.`).toResponse();
}
