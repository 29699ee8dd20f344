CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`name` text NOT NULL,
	`prefix` text NOT NULL,
	`key_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer,
	`revoked_at` integer,
	`last_used_at` integer,
	`allowed_providers` text,
	`allowed_models` text,
	`monthly_budget_usd` real,
	`rpm` integer,
	`max_concurrent` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_key_hash_unique` ON `api_keys` (`key_hash`);--> statement-breakpoint
CREATE INDEX `api_keys_user_idx` ON `api_keys` (`user_id`);--> statement-breakpoint
ALTER TABLE `runs` ADD `api_key_id` text;--> statement-breakpoint
ALTER TABLE `runs` ADD `reserved_usd` real;--> statement-breakpoint
CREATE INDEX `runs_key_created_idx` ON `runs` (`api_key_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `users` ADD `rpm` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `max_concurrent` integer;