import { unknownApiRoute } from "@/lib/http/unknown-api-route";

// Any /api path no route handles: a JSON 404 for every method, like every other API error.
export const GET = unknownApiRoute;
export const POST = unknownApiRoute;
export const PUT = unknownApiRoute;
export const PATCH = unknownApiRoute;
export const DELETE = unknownApiRoute;
