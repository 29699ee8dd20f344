CREATE TABLE `uploads` (
	`id` text PRIMARY KEY NOT NULL,
	`media_type` text NOT NULL,
	`size` integer NOT NULL,
	`width` integer,
	`height` integer,
	`duration_s` real,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `runs` ADD `attachments_sent` text DEFAULT '[]' NOT NULL;