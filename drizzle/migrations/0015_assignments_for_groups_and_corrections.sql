CREATE TYPE "public"."hand_in_file_kind" AS ENUM('work', 'correction');--> statement-breakpoint
ALTER TABLE "assignments" ALTER COLUMN "space_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "teaching_group_id" uuid;--> statement-breakpoint
ALTER TABLE "hand_in_files" ADD COLUMN "kind" "hand_in_file_kind" DEFAULT 'work' NOT NULL;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_teaching_group_id_teaching_groups_id_fk" FOREIGN KEY ("teaching_group_id") REFERENCES "public"."teaching_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assignments_group_idx" ON "assignments" USING btree ("teaching_group_id","due_at");--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_one_target" CHECK (("assignments"."space_id" is null) <> ("assignments"."teaching_group_id" is null));