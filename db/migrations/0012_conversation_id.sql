ALTER TABLE `runs` ADD `conversation_id` text;--> statement-breakpoint
CREATE INDEX `runs_user_conversation_idx` ON `runs` (`user_id`,`conversation_id`,`created_at`);