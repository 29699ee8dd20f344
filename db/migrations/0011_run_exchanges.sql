CREATE TABLE `run_exchanges` (
	`run_id` text PRIMARY KEY NOT NULL,
	`exchange` text NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE cascade
);
