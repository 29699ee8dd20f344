import { handleSimulatorRequest } from "@/lib/simulator/handle-simulator-request";
import { refuseSimulatorCaller } from "@/lib/simulator/simulator-access";

export const dynamic = "force-dynamic";
export const maxDuration = 800;
export const POST = async (request: Request) => (await refuseSimulatorCaller(request)) ?? handleSimulatorRequest(request);
