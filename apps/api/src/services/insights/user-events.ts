import type { TNotification } from "@tideway/contracts";

/** Where services send events addressed to one person; socket.io (plugins/realtime.ts) is one implementation. */
export interface UserEventSink {
  notify(userId: string, notification: TNotification): void;
}
