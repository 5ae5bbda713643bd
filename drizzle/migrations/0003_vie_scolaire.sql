CREATE TYPE "public"."school_event_kind" AS ENUM('outing', 'detention', 'holiday', 'meeting', 'exam', 'other');--> statement-breakpoint
CREATE TYPE "public"."week_pattern" AS ENUM('every', 'A', 'B');--> statement-breakpoint
CREATE TYPE "public"."absence_kind" AS ENUM('absence', 'late');--> statement-breakpoint
CREATE TYPE "public"."absence_reason" AS ENUM('illness', 'medical_appointment', 'family', 'transport', 'religious_holiday', 'exam_or_official', 'other');--> statement-breakpoint
CREATE TYPE "public"."justification_status" AS ENUM('unjustified', 'pending', 'accepted', 'refused');--> statement-breakpoint
CREATE TYPE "public"."report_card_status" AS ENUM('draft', 'validated', 'published');--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"person_id" uuid NOT NULL,
	"establishment_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_fetched_at" timestamp with time zone,
	CONSTRAINT "calendar_feeds_person_id_establishment_id_pk" PRIMARY KEY("person_id","establishment_id"),
	CONSTRAINT "calendar_feeds_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "lesson_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lesson_id" uuid NOT NULL,
	"on_date" date NOT NULL,
	"cancelled" boolean DEFAULT false NOT NULL,
	"substitute_teacher_id" uuid,
	"moved_to_date" date,
	"moved_starts_at" time,
	"moved_ends_at" time,
	"moved_room_id" uuid,
	"remote" boolean DEFAULT false NOT NULL,
	"exam" boolean DEFAULT false NOT NULL,
	"note" text,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lesson_changes_lesson_id_on_date_unique" UNIQUE("lesson_id","on_date"),
	CONSTRAINT "lesson_changes_moved_times" CHECK (("lesson_changes"."moved_starts_at" is null) = ("lesson_changes"."moved_ends_at" is null) and ("lesson_changes"."moved_starts_at" is null or "lesson_changes"."moved_starts_at" < "lesson_changes"."moved_ends_at"))
);
--> statement-breakpoint
CREATE TABLE "lesson_teachers" (
	"lesson_id" uuid NOT NULL,
	"teacher_id" uuid NOT NULL,
	CONSTRAINT "lesson_teachers_lesson_id_teacher_id_pk" PRIMARY KEY("lesson_id","teacher_id")
);
--> statement-breakpoint
CREATE TABLE "lessons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"establishment_id" uuid NOT NULL,
	"school_year_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"class_id" uuid,
	"group_id" uuid,
	"room_id" uuid,
	"weekday" smallint NOT NULL,
	"starts_at" time NOT NULL,
	"ends_at" time NOT NULL,
	"weeks" "week_pattern" DEFAULT 'every' NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date NOT NULL,
	CONSTRAINT "lessons_one_audience" CHECK (("lessons"."class_id" is null) <> ("lessons"."group_id" is null)),
	CONSTRAINT "lessons_weekday" CHECK ("lessons"."weekday" between 1 and 6),
	CONSTRAINT "lessons_times" CHECK ("lessons"."starts_at" < "lessons"."ends_at"),
	CONSTRAINT "lessons_validity" CHECK ("lessons"."valid_from" <= "lessons"."valid_until")
);
--> statement-breakpoint
CREATE TABLE "rooms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"establishment_id" uuid NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "rooms_establishment_id_name_unique" UNIQUE("establishment_id","name")
);
--> statement-breakpoint
CREATE TABLE "school_event_audiences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"class_id" uuid,
	"group_id" uuid,
	"person_id" uuid,
	CONSTRAINT "school_event_audiences_one" CHECK (num_nonnulls("school_event_audiences"."class_id", "school_event_audiences"."group_id", "school_event_audiences"."person_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "school_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"establishment_id" uuid NOT NULL,
	"kind" "school_event_kind" NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"location" text,
	"whole_establishment" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "school_events_times" CHECK ("school_events"."starts_at" < "school_events"."ends_at")
);
--> statement-breakpoint
CREATE TABLE "school_weeks" (
	"school_year_id" uuid NOT NULL,
	"monday" date NOT NULL,
	"pattern" "week_pattern" NOT NULL,
	CONSTRAINT "school_weeks_school_year_id_monday_pk" PRIMARY KEY("school_year_id","monday"),
	CONSTRAINT "school_weeks_a_or_b" CHECK ("school_weeks"."pattern" <> 'every')
);
--> statement-breakpoint
CREATE TABLE "homework" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"establishment_id" uuid NOT NULL,
	"lesson_id" uuid NOT NULL,
	"given_on" date NOT NULL,
	"due_on" date NOT NULL,
	"instructions" jsonb NOT NULL,
	"estimated_minutes" integer,
	"hand_in" boolean DEFAULT false NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "homework_due_after_given" CHECK ("homework"."due_on" >= "homework"."given_on"),
	CONSTRAINT "homework_minutes" CHECK ("homework"."estimated_minutes" is null or "homework"."estimated_minutes" between 1 and 600)
);
--> statement-breakpoint
CREATE TABLE "homework_done" (
	"homework_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"done_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "homework_done_homework_id_student_id_pk" PRIMARY KEY("homework_id","student_id")
);
--> statement-breakpoint
CREATE TABLE "lesson_logs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lesson_id" uuid NOT NULL,
	"on_date" date NOT NULL,
	"content" jsonb NOT NULL,
	"author_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lesson_logs_lesson_id_on_date_unique" UNIQUE("lesson_id","on_date")
);
--> statement-breakpoint
CREATE TABLE "absence_justifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"absence_id" uuid NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reason" "absence_reason" NOT NULL,
	"comment" text,
	"document_name" text,
	"document_type" text,
	"document" "bytea",
	"decision" "justification_status" DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_comment" text,
	CONSTRAINT "absence_justifications_decision" CHECK ("absence_justifications"."decision" in ('pending', 'accepted', 'refused')),
	CONSTRAINT "absence_justifications_document" CHECK (("absence_justifications"."document" is null) = ("absence_justifications"."document_name" is null))
);
--> statement-breakpoint
CREATE TABLE "absences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"establishment_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"kind" "absence_kind" NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"minutes_late" integer,
	"lesson_id" uuid,
	"lesson_date" date,
	"status" "justification_status" DEFAULT 'unjustified' NOT NULL,
	"reason" "absence_reason",
	"staff_comment" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "absences_times" CHECK ("absences"."starts_at" < "absences"."ends_at"),
	CONSTRAINT "absences_minutes_iff_late" CHECK (("absences"."kind" = 'late') = ("absences"."minutes_late" is not null)),
	CONSTRAINT "absences_lesson_date" CHECK (("absences"."lesson_id" is null) or ("absences"."lesson_date" is not null))
);
--> statement-breakpoint
CREATE TABLE "roll_calls" (
	"lesson_id" uuid NOT NULL,
	"on_date" date NOT NULL,
	"taken_by" uuid,
	"taken_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "roll_calls_lesson_id_on_date_pk" PRIMARY KEY("lesson_id","on_date")
);
--> statement-breakpoint
CREATE TABLE "class_report_cards" (
	"class_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"status" "report_card_status" DEFAULT 'draft' NOT NULL,
	"validated_by" uuid,
	"validated_at" timestamp with time zone,
	"published_by" uuid,
	"published_at" timestamp with time zone,
	CONSTRAINT "class_report_cards_class_id_period_id_pk" PRIMARY KEY("class_id","period_id")
);
--> statement-breakpoint
CREATE TABLE "general_appreciations" (
	"period_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"text" text NOT NULL,
	"author_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "general_appreciations_period_id_student_id_pk" PRIMARY KEY("period_id","student_id")
);
--> statement-breakpoint
CREATE TABLE "report_cards" (
	"period_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"snapshot" jsonb NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_cards_period_id_student_id_pk" PRIMARY KEY("period_id","student_id")
);
--> statement-breakpoint
CREATE TABLE "subject_appreciations" (
	"assignment_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"text" text NOT NULL,
	"author_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subject_appreciations_assignment_id_period_id_student_id_pk" PRIMARY KEY("assignment_id","period_id","student_id")
);
--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_changes" ADD CONSTRAINT "lesson_changes_lesson_id_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."lessons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_changes" ADD CONSTRAINT "lesson_changes_substitute_teacher_id_people_id_fk" FOREIGN KEY ("substitute_teacher_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_changes" ADD CONSTRAINT "lesson_changes_moved_room_id_rooms_id_fk" FOREIGN KEY ("moved_room_id") REFERENCES "public"."rooms"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_changes" ADD CONSTRAINT "lesson_changes_changed_by_people_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_teachers" ADD CONSTRAINT "lesson_teachers_lesson_id_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."lessons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_teachers" ADD CONSTRAINT "lesson_teachers_teacher_id_people_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lessons" ADD CONSTRAINT "lessons_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lessons" ADD CONSTRAINT "lessons_school_year_id_school_years_id_fk" FOREIGN KEY ("school_year_id") REFERENCES "public"."school_years"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lessons" ADD CONSTRAINT "lessons_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lessons" ADD CONSTRAINT "lessons_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lessons" ADD CONSTRAINT "lessons_group_id_teaching_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."teaching_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lessons" ADD CONSTRAINT "lessons_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rooms" ADD CONSTRAINT "rooms_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_event_audiences" ADD CONSTRAINT "school_event_audiences_event_id_school_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."school_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_event_audiences" ADD CONSTRAINT "school_event_audiences_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_event_audiences" ADD CONSTRAINT "school_event_audiences_group_id_teaching_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."teaching_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_event_audiences" ADD CONSTRAINT "school_event_audiences_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_events" ADD CONSTRAINT "school_events_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_events" ADD CONSTRAINT "school_events_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_weeks" ADD CONSTRAINT "school_weeks_school_year_id_school_years_id_fk" FOREIGN KEY ("school_year_id") REFERENCES "public"."school_years"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework" ADD CONSTRAINT "homework_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework" ADD CONSTRAINT "homework_lesson_id_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."lessons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework" ADD CONSTRAINT "homework_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_done" ADD CONSTRAINT "homework_done_homework_id_homework_id_fk" FOREIGN KEY ("homework_id") REFERENCES "public"."homework"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_done" ADD CONSTRAINT "homework_done_student_id_people_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_logs" ADD CONSTRAINT "lesson_logs_lesson_id_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."lessons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_logs" ADD CONSTRAINT "lesson_logs_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absence_justifications" ADD CONSTRAINT "absence_justifications_absence_id_absences_id_fk" FOREIGN KEY ("absence_id") REFERENCES "public"."absences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absence_justifications" ADD CONSTRAINT "absence_justifications_submitted_by_people_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absence_justifications" ADD CONSTRAINT "absence_justifications_decided_by_people_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absences" ADD CONSTRAINT "absences_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absences" ADD CONSTRAINT "absences_student_id_people_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absences" ADD CONSTRAINT "absences_lesson_id_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."lessons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absences" ADD CONSTRAINT "absences_recorded_by_people_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roll_calls" ADD CONSTRAINT "roll_calls_lesson_id_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."lessons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roll_calls" ADD CONSTRAINT "roll_calls_taken_by_people_id_fk" FOREIGN KEY ("taken_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_report_cards" ADD CONSTRAINT "class_report_cards_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_report_cards" ADD CONSTRAINT "class_report_cards_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_report_cards" ADD CONSTRAINT "class_report_cards_validated_by_people_id_fk" FOREIGN KEY ("validated_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_report_cards" ADD CONSTRAINT "class_report_cards_published_by_people_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "general_appreciations" ADD CONSTRAINT "general_appreciations_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "general_appreciations" ADD CONSTRAINT "general_appreciations_student_id_people_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "general_appreciations" ADD CONSTRAINT "general_appreciations_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_cards" ADD CONSTRAINT "report_cards_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_cards" ADD CONSTRAINT "report_cards_student_id_people_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_cards" ADD CONSTRAINT "report_cards_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_appreciations" ADD CONSTRAINT "subject_appreciations_assignment_id_teaching_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."teaching_assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_appreciations" ADD CONSTRAINT "subject_appreciations_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_appreciations" ADD CONSTRAINT "subject_appreciations_student_id_people_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_appreciations" ADD CONSTRAINT "subject_appreciations_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lesson_changes_date_idx" ON "lesson_changes" USING btree ("on_date");--> statement-breakpoint
CREATE INDEX "lesson_changes_moved_date_idx" ON "lesson_changes" USING btree ("moved_to_date");--> statement-breakpoint
CREATE INDEX "lesson_teachers_teacher_idx" ON "lesson_teachers" USING btree ("teacher_id");--> statement-breakpoint
CREATE INDEX "lessons_establishment_idx" ON "lessons" USING btree ("establishment_id","weekday");--> statement-breakpoint
CREATE INDEX "lessons_class_idx" ON "lessons" USING btree ("class_id");--> statement-breakpoint
CREATE INDEX "lessons_group_idx" ON "lessons" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "lessons_room_idx" ON "lessons" USING btree ("room_id");--> statement-breakpoint
CREATE INDEX "school_event_audiences_event_idx" ON "school_event_audiences" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "school_event_audiences_class_idx" ON "school_event_audiences" USING btree ("class_id");--> statement-breakpoint
CREATE INDEX "school_event_audiences_group_idx" ON "school_event_audiences" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "school_event_audiences_person_idx" ON "school_event_audiences" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "school_events_establishment_idx" ON "school_events" USING btree ("establishment_id","starts_at");--> statement-breakpoint
CREATE INDEX "homework_lesson_idx" ON "homework" USING btree ("lesson_id","due_on");--> statement-breakpoint
CREATE INDEX "homework_due_idx" ON "homework" USING btree ("establishment_id","due_on");--> statement-breakpoint
CREATE INDEX "homework_done_student_idx" ON "homework_done" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "absence_justifications_absence_idx" ON "absence_justifications" USING btree ("absence_id");--> statement-breakpoint
CREATE INDEX "absences_student_idx" ON "absences" USING btree ("student_id","starts_at");--> statement-breakpoint
CREATE INDEX "absences_establishment_idx" ON "absences" USING btree ("establishment_id","starts_at");--> statement-breakpoint
CREATE INDEX "absences_lesson_idx" ON "absences" USING btree ("lesson_id","lesson_date");--> statement-breakpoint
CREATE INDEX "absences_status_idx" ON "absences" USING btree ("establishment_id","status");--> statement-breakpoint
CREATE INDEX "roll_calls_date_idx" ON "roll_calls" USING btree ("on_date");--> statement-breakpoint
CREATE INDEX "report_cards_class_idx" ON "report_cards" USING btree ("class_id","period_id");--> statement-breakpoint
CREATE INDEX "subject_appreciations_student_idx" ON "subject_appreciations" USING btree ("student_id","period_id");