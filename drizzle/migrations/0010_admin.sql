CREATE TABLE "disabled_modules" (
	"establishment_id" uuid NOT NULL,
	"module" text NOT NULL,
	"disabled_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "disabled_modules_establishment_id_module_pk" PRIMARY KEY("establishment_id","module")
);
--> statement-breakpoint
CREATE TABLE "import_identities" (
	"establishment_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "import_identities_establishment_id_external_id_pk" PRIMARY KEY("establishment_id","external_id")
);
--> statement-breakpoint
CREATE TABLE "installation_admins" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retention_settings" (
	"establishment_id" uuid PRIMARY KEY NOT NULL,
	"audit_retention_days" integer DEFAULT 365 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scheduled_erasures" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"establishment_id" uuid,
	"due_at" timestamp with time zone NOT NULL,
	"scheduled_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "disabled_modules" ADD CONSTRAINT "disabled_modules_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_identities" ADD CONSTRAINT "import_identities_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_identities" ADD CONSTRAINT "import_identities_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "installation_admins" ADD CONSTRAINT "installation_admins_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_settings" ADD CONSTRAINT "retention_settings_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduled_erasures" ADD CONSTRAINT "scheduled_erasures_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduled_erasures" ADD CONSTRAINT "scheduled_erasures_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_identities_person_idx" ON "import_identities" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "scheduled_erasures_due_idx" ON "scheduled_erasures" USING btree ("due_at");