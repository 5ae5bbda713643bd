CREATE TABLE "livekit_webhook_events" (
	"id" text PRIMARY KEY NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"establishment_id" uuid NOT NULL,
	"teacher_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"minutes" integer NOT NULL,
	"room_name" text NOT NULL,
	"guardian_id" uuid,
	"student_id" uuid,
	"booked_at" timestamp with time zone,
	CONSTRAINT "meeting_slots_room_name_unique" UNIQUE("room_name"),
	CONSTRAINT "meeting_slots_teacher_id_starts_at_unique" UNIQUE("teacher_id","starts_at"),
	CONSTRAINT "meeting_slots_minutes" CHECK ("meeting_slots"."minutes" between 5 and 60)
);
--> statement-breakpoint
CREATE TABLE "virtual_class_presences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"virtual_class_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"joined_at" timestamp with time zone NOT NULL,
	"left_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "virtual_classes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"establishment_id" uuid NOT NULL,
	"room_name" text NOT NULL,
	"lesson_id" uuid,
	"planned_on" date,
	"class_id" uuid,
	"group_id" uuid,
	"title" text,
	"host_id" uuid,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"pupil_microphone" boolean DEFAULT true NOT NULL,
	"pupil_camera" boolean DEFAULT true NOT NULL,
	"pupil_screen_share" boolean DEFAULT false NOT NULL,
	"attendance_confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "virtual_classes_room_name_unique" UNIQUE("room_name"),
	CONSTRAINT "virtual_classes_lesson_id_planned_on_unique" UNIQUE("lesson_id","planned_on"),
	CONSTRAINT "virtual_classes_occurrence_or_scheduled" CHECK (("virtual_classes"."lesson_id" is not null and "virtual_classes"."planned_on" is not null and "virtual_classes"."starts_at" is null and "virtual_classes"."class_id" is null and "virtual_classes"."group_id" is null)
        or ("virtual_classes"."lesson_id" is null and "virtual_classes"."planned_on" is null and "virtual_classes"."starts_at" is not null and "virtual_classes"."ends_at" > "virtual_classes"."starts_at" and ("virtual_classes"."class_id" is null) <> ("virtual_classes"."group_id" is null)))
);
--> statement-breakpoint
ALTER TABLE "meeting_slots" ADD CONSTRAINT "meeting_slots_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_slots" ADD CONSTRAINT "meeting_slots_teacher_id_people_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_slots" ADD CONSTRAINT "meeting_slots_guardian_id_people_id_fk" FOREIGN KEY ("guardian_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_slots" ADD CONSTRAINT "meeting_slots_student_id_people_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "virtual_class_presences" ADD CONSTRAINT "virtual_class_presences_virtual_class_id_virtual_classes_id_fk" FOREIGN KEY ("virtual_class_id") REFERENCES "public"."virtual_classes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "virtual_class_presences" ADD CONSTRAINT "virtual_class_presences_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "virtual_classes" ADD CONSTRAINT "virtual_classes_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "virtual_classes" ADD CONSTRAINT "virtual_classes_lesson_id_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."lessons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "virtual_classes" ADD CONSTRAINT "virtual_classes_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "virtual_classes" ADD CONSTRAINT "virtual_classes_group_id_teaching_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."teaching_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "virtual_classes" ADD CONSTRAINT "virtual_classes_host_id_people_id_fk" FOREIGN KEY ("host_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_slots_establishment_idx" ON "meeting_slots" USING btree ("establishment_id","starts_at");--> statement-breakpoint
CREATE INDEX "virtual_class_presences_class_idx" ON "virtual_class_presences" USING btree ("virtual_class_id","person_id");--> statement-breakpoint
CREATE INDEX "virtual_classes_establishment_idx" ON "virtual_classes" USING btree ("establishment_id","starts_at");