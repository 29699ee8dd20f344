import { handleAuthRequest } from "@/lib/auth/auth-route";

export const dynamic = "force-dynamic";
export const GET = handleAuthRequest;
export const POST = handleAuthRequest;
