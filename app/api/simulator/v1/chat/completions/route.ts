import { handleSimulatorRequest } from "@/lib/simulator/handle-simulator-request";

export const dynamic = "force-dynamic";
export const maxDuration = 800;
export const POST = handleSimulatorRequest;
