CREATE TABLE `runs` (
	`id` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`provider` text NOT NULL,
	`model` text NOT NULL,
	`params` text NOT NULL,
	`system` text,
	`messages` text NOT NULL,
	`output_text` text DEFAULT '' NOT NULL,
	`output_reasoning` text DEFAULT '' NOT NULL,
	`tool_calls` text DEFAULT '[]' NOT NULL,
	`finish_reason` text,
	`input_tokens` integer,
	`output_tokens` integer,
	`reasoning_tokens` integer,
	`cached_input_tokens` integer,
	`usage_estimated` integer DEFAULT false NOT NULL,
	`cost_usd` real,
	`provider_cost_usd` real,
	`ttft_ms` real,
	`duration_ms` real,
	`tokens_per_second` real,
	`error_code` text,
	`error_message` text,
	`compare_group_id` text,
	`share_id` text,
	`created_at` integer NOT NULL,
	`finished_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `runs_share_id_unique` ON `runs` (`share_id`);--> statement-breakpoint
CREATE INDEX `runs_created_idx` ON `runs` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `runs_status_idx` ON `runs` (`status`);--> statement-breakpoint
CREATE INDEX `runs_compare_group_idx` ON `runs` (`compare_group_id`);