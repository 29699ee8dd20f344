import { unknownGatewayRoute } from "@/lib/gateway/openai-error";

// Any /api/v1 path no route handles: OpenAI's 404 shape, so its clients raise NotFoundError.
export const GET = unknownGatewayRoute;
export const POST = unknownGatewayRoute;
export const PUT = unknownGatewayRoute;
export const PATCH = unknownGatewayRoute;
export const DELETE = unknownGatewayRoute;
