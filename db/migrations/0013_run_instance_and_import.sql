ALTER TABLE `runs` ADD `instance_id` text;--> statement-breakpoint
ALTER TABLE `runs` ADD `imported` integer DEFAULT false NOT NULL;