ALTER TYPE "public"."notification_kind" ADD VALUE 'assignment';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'handIn';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'announcement';