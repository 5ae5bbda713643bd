CREATE TYPE "public"."evaluation_kind" AS ENUM('normal', 'optional', 'bonus');--> statement-breakpoint
CREATE TYPE "public"."mark_status" AS ENUM('graded', 'absent', 'exempted', 'not_handed_in', 'not_graded');--> statement-breakpoint
CREATE TABLE "evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"establishment_id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"title" text NOT NULL,
	"given_on" date NOT NULL,
	"out_of" numeric(6, 2) NOT NULL,
	"coefficient" numeric(5, 2) DEFAULT 1 NOT NULL,
	"kind" "evaluation_kind" DEFAULT 'normal' NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluations_out_of_positive" CHECK ("evaluations"."out_of" > 0),
	CONSTRAINT "evaluations_coefficient_positive" CHECK ("evaluations"."coefficient" > 0)
);
--> statement-breakpoint
CREATE TABLE "marks" (
	"evaluation_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"status" "mark_status" NOT NULL,
	"value" numeric(6, 2),
	"comment" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "marks_evaluation_id_student_id_pk" PRIMARY KEY("evaluation_id","student_id"),
	CONSTRAINT "marks_value_iff_graded" CHECK (("marks"."status" = 'graded') = ("marks"."value" is not null))
);
--> statement-breakpoint
ALTER TABLE "teaching_assignments" ADD COLUMN "coefficient" numeric(5, 2) DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_assignment_id_teaching_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."teaching_assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marks" ADD CONSTRAINT "marks_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marks" ADD CONSTRAINT "marks_student_id_people_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marks" ADD CONSTRAINT "marks_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evaluations_assignment_idx" ON "evaluations" USING btree ("assignment_id","given_on");--> statement-breakpoint
CREATE INDEX "evaluations_period_idx" ON "evaluations" USING btree ("period_id");--> statement-breakpoint
CREATE INDEX "marks_student_idx" ON "marks" USING btree ("student_id");