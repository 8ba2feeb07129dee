import type { Route } from "./+types/deal-room";
import { DealRoomLive } from "../../components/deal-room-live.tsx";
import { DealRoomSearch } from "../../components/deal-room-search.tsx";
import { PageHeader, StatusBadge } from "../../components/ui.tsx";
import { loadDealRoomPage } from "../deal-room-page.server.ts";

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `Deal room ${loaderData?.room.reference ?? ""} · OpenInsure` },
];

export async function loader(args: Route.LoaderArgs) {
  return loadDealRoomPage(args);
}

export default function ProducerDealRoom({
  loaderData: { room, roomName, fields, participants, me, search },
}: Route.ComponentProps) {
  return (
    <>
      <PageHeader
        title={room.insuredName}
        description={`Deal room · submission ${room.reference}`}
        actions={<StatusBadge status={room.status} />}
      />
      <DealRoomSearch query={search.query} results={search.results} participants={participants} />
      <DealRoomLive dealRoomId={room.id} roomName={roomName} me={me} participants={participants} fields={fields} />
    </>
  );
}
