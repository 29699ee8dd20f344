CREATE TABLE `catalog_overrides` (
	`provider` text NOT NULL,
	`provider_model_id` text NOT NULL,
	`update` text NOT NULL,
	`source_url` text NOT NULL,
	`fetched_at` integer NOT NULL,
	PRIMARY KEY(`provider`, `provider_model_id`)
);
