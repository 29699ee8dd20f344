import { listSimulatorModels } from "@/lib/simulator/simulator-models";
import { refuseSimulatorCaller } from "@/lib/simulator/simulator-access";

export const dynamic = "force-dynamic";
export const GET = async (request: Request) => (await refuseSimulatorCaller(request)) ?? listSimulatorModels();
