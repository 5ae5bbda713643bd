ALTER TABLE "virtual_classes" ADD COLUMN "event_id" uuid;--> statement-breakpoint
ALTER TABLE "virtual_classes" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "virtual_classes" ADD CONSTRAINT "virtual_classes_event_id_school_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."school_events"("id") ON DELETE set null ON UPDATE no action;