CREATE TYPE "public"."post_audience" AS ENUM('members', 'families');--> statement-breakpoint
CREATE TYPE "public"."hand_in_status" AS ENUM('draft', 'handedIn', 'returned');--> statement-breakpoint
CREATE TABLE "space_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"space_id" uuid NOT NULL,
	"author_id" uuid,
	"body" jsonb NOT NULL,
	"audience" "post_audience" DEFAULT 'members' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "file_folders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"establishment_id" uuid NOT NULL,
	"space_id" uuid,
	"owner_id" uuid,
	"parent_id" uuid,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "file_folders_one_place" CHECK (("file_folders"."space_id" is null) <> ("file_folders"."owner_id" is null))
);
--> statement-breakpoint
CREATE TABLE "space_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"establishment_id" uuid NOT NULL,
	"space_id" uuid,
	"owner_id" uuid,
	"folder_id" uuid,
	"stored_file_id" uuid NOT NULL,
	"name" text NOT NULL,
	"for_families" boolean DEFAULT false NOT NULL,
	"added_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "space_files_stored_file_id_unique" UNIQUE("stored_file_id"),
	CONSTRAINT "space_files_one_place" CHECK (("space_files"."space_id" is null) <> ("space_files"."owner_id" is null))
);
--> statement-breakpoint
CREATE TABLE "assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"establishment_id" uuid NOT NULL,
	"space_id" uuid NOT NULL,
	"title" text NOT NULL,
	"instructions" jsonb NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"homework_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hand_in_files" (
	"hand_in_id" uuid NOT NULL,
	"stored_file_id" uuid NOT NULL,
	CONSTRAINT "hand_in_files_hand_in_id_stored_file_id_pk" PRIMARY KEY("hand_in_id","stored_file_id")
);
--> statement-breakpoint
CREATE TABLE "hand_ins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"student_id" uuid,
	"team_space_id" uuid,
	"status" "hand_in_status" DEFAULT 'draft' NOT NULL,
	"document_id" uuid,
	"handed_in_at" timestamp with time zone,
	"handed_in_by" uuid,
	"returned_at" timestamp with time zone,
	"returned_by" uuid,
	"comment" text DEFAULT '' NOT NULL,
	"mark" numeric(5, 2),
	"mark_out_of" integer,
	CONSTRAINT "hand_ins_one_author" CHECK (("hand_ins"."student_id" is null) <> ("hand_ins"."team_space_id" is null)),
	CONSTRAINT "hand_ins_mark" CHECK ("hand_ins"."mark" is null or ("hand_ins"."mark_out_of" is not null and "hand_ins"."mark" between 0 and "hand_ins"."mark_out_of"))
);
--> statement-breakpoint
ALTER TABLE "space_posts" ADD CONSTRAINT "space_posts_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "space_posts" ADD CONSTRAINT "space_posts_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_folders" ADD CONSTRAINT "file_folders_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_folders" ADD CONSTRAINT "file_folders_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_folders" ADD CONSTRAINT "file_folders_owner_id_people_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_folders" ADD CONSTRAINT "file_folders_parent_id_file_folders_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."file_folders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "space_files" ADD CONSTRAINT "space_files_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "space_files" ADD CONSTRAINT "space_files_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "space_files" ADD CONSTRAINT "space_files_owner_id_people_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "space_files" ADD CONSTRAINT "space_files_folder_id_file_folders_id_fk" FOREIGN KEY ("folder_id") REFERENCES "public"."file_folders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "space_files" ADD CONSTRAINT "space_files_stored_file_id_stored_files_id_fk" FOREIGN KEY ("stored_file_id") REFERENCES "public"."stored_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "space_files" ADD CONSTRAINT "space_files_added_by_people_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_homework_id_homework_id_fk" FOREIGN KEY ("homework_id") REFERENCES "public"."homework"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hand_in_files" ADD CONSTRAINT "hand_in_files_hand_in_id_hand_ins_id_fk" FOREIGN KEY ("hand_in_id") REFERENCES "public"."hand_ins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hand_in_files" ADD CONSTRAINT "hand_in_files_stored_file_id_stored_files_id_fk" FOREIGN KEY ("stored_file_id") REFERENCES "public"."stored_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hand_ins" ADD CONSTRAINT "hand_ins_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hand_ins" ADD CONSTRAINT "hand_ins_student_id_people_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hand_ins" ADD CONSTRAINT "hand_ins_team_space_id_spaces_id_fk" FOREIGN KEY ("team_space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hand_ins" ADD CONSTRAINT "hand_ins_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hand_ins" ADD CONSTRAINT "hand_ins_handed_in_by_people_id_fk" FOREIGN KEY ("handed_in_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hand_ins" ADD CONSTRAINT "hand_ins_returned_by_people_id_fk" FOREIGN KEY ("returned_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "space_posts_space_idx" ON "space_posts" USING btree ("space_id","created_at");--> statement-breakpoint
CREATE INDEX "file_folders_space_idx" ON "file_folders" USING btree ("space_id");--> statement-breakpoint
CREATE INDEX "file_folders_owner_idx" ON "file_folders" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "space_files_space_idx" ON "space_files" USING btree ("space_id","folder_id");--> statement-breakpoint
CREATE INDEX "space_files_owner_idx" ON "space_files" USING btree ("owner_id","folder_id");--> statement-breakpoint
CREATE INDEX "assignments_space_idx" ON "assignments" USING btree ("space_id","due_at");--> statement-breakpoint
CREATE INDEX "assignments_homework_idx" ON "assignments" USING btree ("homework_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hand_ins_one_per_student" ON "hand_ins" USING btree ("assignment_id","student_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hand_ins_one_per_team" ON "hand_ins" USING btree ("assignment_id","team_space_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hand_ins_document" ON "hand_ins" USING btree ("document_id");