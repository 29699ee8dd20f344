import { simulatorNotFound } from "@/lib/simulator/simulator-models";

export const dynamic = "force-dynamic";
export const GET = simulatorNotFound;
export const POST = simulatorNotFound;
export const PUT = simulatorNotFound;
export const PATCH = simulatorNotFound;
export const DELETE = simulatorNotFound;
