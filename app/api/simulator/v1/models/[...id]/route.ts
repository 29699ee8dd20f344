import { getSimulatorModel } from "@/lib/simulator/simulator-models";
import { refuseSimulatorCaller } from "@/lib/simulator/simulator-access";

export const dynamic = "force-dynamic";
export const GET = async (request: Request, context: { params: Promise<{ id: string[] }> }) => (await refuseSimulatorCaller(request)) ?? getSimulatorModel((await context.params).id.join("/"));
